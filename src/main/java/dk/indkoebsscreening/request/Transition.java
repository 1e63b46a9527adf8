package dk.indkoebsscreening.request;

import static dk.indkoebsscreening.request.RequestStatus.APPROVED;
import static dk.indkoebsscreening.request.RequestStatus.APPROVED_WITH_CONDITIONS;
import static dk.indkoebsscreening.request.RequestStatus.AWAITING_DECISION;
import static dk.indkoebsscreening.request.RequestStatus.CONDITIONS_MET;
import static dk.indkoebsscreening.request.RequestStatus.AWAITING_INFORMATION;
import static dk.indkoebsscreening.request.RequestStatus.IN_SCREENING;
import static dk.indkoebsscreening.request.RequestStatus.IN_TRIAGE;
import static dk.indkoebsscreening.request.RequestStatus.REJECTED;
import static dk.indkoebsscreening.request.RequestStatus.WITHDRAWN;

import dk.indkoebsscreening.process.Verdict;
import java.util.EnumSet;
import java.util.Set;

/**
 * The request's lifecycle: every change of its status, the statuses it may come from and the step of the model
 * ({@code bpmn/PurchaseScreeningProcess.bpmn}) that causes it. A change not in this table is refused.
 */
public enum Transition {

    /** Submitted: the request is stored in triage; no status before it. */
    SUBMITTED(EnumSet.noneOf(RequestStatus.class), IN_TRIAGE),
    /** Triage asks the requester for more information (Task_Triage, "Mere information"). */
    QUESTION_ASKED(EnumSet.of(IN_TRIAGE), AWAITING_INFORMATION),
    /** The requester answers the question (Task_ProvideInformation): back to triage. */
    QUESTION_ANSWERED(EnumSet.of(AWAITING_INFORMATION), IN_TRIAGE),
    /** Triage accepts: the areas in scope are opened (Task_StartScreening). */
    SCREENING_STARTED(EnumSet.of(IN_TRIAGE), IN_SCREENING),
    /** Every area in scope is screened and the recommendation made: the decision task is created (Task_Decide). */
    SCREENED(EnumSet.of(IN_SCREENING), AWAITING_DECISION),
    /** The coordinator's decision (Task_RecordDecision). */
    DECIDED_APPROVED(EnumSet.of(AWAITING_DECISION), APPROVED),
    /** The coordinator's decision (Task_RecordDecision). */
    DECIDED_APPROVED_WITH_CONDITIONS(EnumSet.of(AWAITING_DECISION), APPROVED_WITH_CONDITIONS),
    /**
     * The coordinator's decision (Task_RecordDecision), or triage's rejection of a request out of scope or already
     * covered (Task_RecordTriageRejection), which is a decision too.
     */
    DECIDED_REJECTED(EnumSet.of(IN_TRIAGE, AWAITING_DECISION), REJECTED),
    /** The requester withdraws it while it is not decided (SubProcess_Withdrawal interrupts whatever is open). */
    WITHDRAWN_BY_REQUESTER(EnumSet.of(IN_TRIAGE, AWAITING_INFORMATION, IN_SCREENING, AWAITING_DECISION), WITHDRAWN),
    /** Every condition of the approval is verified or waived (Task_RecordConditionsSettled). */
    CONDITIONS_SETTLED(EnumSet.of(APPROVED_WITH_CONDITIONS), CONDITIONS_MET);

    private final EnumSet<RequestStatus> from;
    private final RequestStatus to;

    Transition(EnumSet<RequestStatus> from, RequestStatus to) {
        this.from = from;
        this.to = to;
    }

    /** The decision's transition: its outcome is the request's final status. */
    public static Transition decided(Verdict outcome) {
        return switch (outcome) {
            case APPROVED -> DECIDED_APPROVED;
            case APPROVED_WITH_CONDITIONS -> DECIDED_APPROVED_WITH_CONDITIONS;
            case REJECTED -> DECIDED_REJECTED;
        };
    }

    public boolean allowedFrom(RequestStatus status) {
        return from.contains(status);
    }

    public Set<RequestStatus> from() {
        return from.clone();
    }

    public RequestStatus to() {
        return to;
    }
}
