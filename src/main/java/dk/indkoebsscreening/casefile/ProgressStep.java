package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.request.RequestStatus;
import java.util.Arrays;
import java.util.List;

/** The steps a requester sees, a plain-language summary of the process model. */
public enum ProgressStep {
    SUBMITTED,
    TRIAGE,
    SCREENING,
    DECISION,
    DONE;

    /**
     * A step as the page shows it; DONE is done, never current.
     *
     * @param waitingForRequester the current step waits for the requester (a question at triage)
     * @param skipped             the step was left out (triage, on a fast track that skipped it): neither done nor to come
     */
    public record State(ProgressStep step, boolean done, boolean current, boolean waitingForRequester, boolean skipped) {
    }

    private static ProgressStep current(RequestStatus status) {
        return switch (status) {
            case IN_TRIAGE, AWAITING_INFORMATION -> TRIAGE;
            case IN_SCREENING -> SCREENING;
            case AWAITING_DECISION -> DECISION;
            case APPROVED, APPROVED_WITH_CONDITIONS, REJECTED, WITHDRAWN, CONDITIONS_MET -> DONE;
        };
    }

    /** @param triageSkipped the fast track sent the request to screening without the coordinator's triage */
    public static List<State> of(RequestStatus status, boolean triageSkipped) {
        if (status == RequestStatus.WITHDRAWN) {
            // Sent, then ended without the steps between: none of them is done, and the end is the withdrawal.
            return Arrays.stream(values()).map(step -> new State(step, step == SUBMITTED || step == DONE, false, false,
                    triageSkipped && step == TRIAGE)).toList();
        }
        ProgressStep current = current(status);
        return Arrays.stream(values())
                .map(step -> {
                    boolean skipped = triageSkipped && step == TRIAGE;
                    return new State(step, !skipped && (step.ordinal() < current.ordinal() || step == DONE && current == DONE),
                            step == current && step != DONE, step == current && status == RequestStatus.AWAITING_INFORMATION,
                            skipped);
                })
                .toList();
    }
}
