package dk.indkoebsscreening.history;

/** What happened; its sentence is {@code history.<name>} in the UI bundle. */
public enum HistoryKind {
    SUBMITTED,
    ATTACHMENT_ADDED,
    ATTACHMENT_REMOVED,
    /** The requester or a coordinator named or changed the vendor's contact after submission. */
    VENDOR_CONTACT_CHANGED,
    TRIAGE_ACCEPTED,
    TRIAGE_REJECTED,
    /** A fast track sent to screening with the proposed scope by the rule (the value: its id), without triage. */
    TRIAGE_SKIPPED,
    /** A coordinator took a fast track's decision from the rules. */
    FAST_TRACK_STEPPED_IN,
    QUESTION_ASKED,
    QUESTION_ANSWERED,
    SCOPE_CHANGED,
    SCREENING_STARTED,
    AREA_NOT_RELEVANT,
    TASK_CLAIMED,
    TASK_RELEASED,
    TASK_REASSIGNED,
    TASK_RETURNED_FOR_ABSENCE,
    /** An absent user's task went to the stand-in they named, whose user id is the text. */
    TASK_TO_STAND_IN,
    /** A group's stand-in's period is over: the task they had taken went back to the group. */
    TASK_RETURNED_STAND_IN_OVER,
    AREA_SCREENED,
    REMINDER_SENT,
    DEADLINE_MISSED,
    /**
     * The request waited for its requester (the value: for how many working days) and the deadline moved (the text: the
     * new deadline, an instant); {@code REQUESTER_WAITED} when it did not move (the policy, or less than a working day).
     */
    DEADLINE_MOVED,
    REQUESTER_WAITED,
    ESCALATION_HANDLED,
    RECOMMENDED,
    DECIDED,
    /** Approved by the rule (the value: its id): a fast track every area in scope approved without conditions. */
    DECIDED_BY_RULE,
    WITHDRAWN,
    MAIL_SENT,
    /** A condition of the approval (its number is the value, its area the area): reported, verified, ... */
    CONDITION_REPORTED,
    CONDITION_VERIFIED,
    CONDITION_SENT_BACK,
    CONDITION_WAIVED,
    CONDITION_OVERDUE,
    /** Handed to a colleague, whose user id is the text. */
    CONDITION_HANDED_OVER,
    CONDITION_REMINDED,
    CONDITIONS_SETTLED,
    /** An expert or coordinator invited the vendor's contact to answer (the value: the round). */
    VENDOR_INVITED,
    /** The vendor opened the questionnaire through their link (once per visit). */
    VENDOR_OPENED,
    VENDOR_SAVED,
    /** The vendor added a file to an open round (the area: the question's), held until they submit; no file name. */
    VENDOR_DOCUMENT_ADDED,
    VENDOR_DOCUMENT_REMOVED,
    VENDOR_SUBMITTED,
    /** An expert or coordinator revoked the vendor's link. */
    VENDOR_REVOKED,
    /** The request was decided or withdrawn while the vendor's round was open: its link no longer works. */
    VENDOR_CLOSED,
    VENDOR_EXPIRED,
    VENDOR_REMINDED
}
