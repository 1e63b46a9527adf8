package dk.indkoebsscreening.request;

import java.util.List;

/** The steps a requester sees, a plain-language summary of the process model. */
public enum ProgressStep {
    SUBMITTED,
    TRIAGE,
    SCREENING,
    DECISION,
    DONE;

    public static ProgressStep current(RequestStatus status) {
        return switch (status) {
            case IN_TRIAGE, AWAITING_INFORMATION -> TRIAGE;
            case IN_SCREENING -> SCREENING;
            case AWAITING_DECISION -> DECISION;
            case APPROVED, APPROVED_WITH_CONDITIONS, REJECTED -> DONE;
        };
    }

    public static List<ProgressStep> all() {
        return List.of(values());
    }
}
