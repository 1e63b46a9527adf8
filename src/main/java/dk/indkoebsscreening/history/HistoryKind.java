package dk.indkoebsscreening.history;

/** What happened; its sentence is {@code history.<name>} in the UI bundle. */
public enum HistoryKind {
    SUBMITTED,
    ATTACHMENT_ADDED,
    ATTACHMENT_REMOVED,
    TRIAGE_ACCEPTED,
    TRIAGE_REJECTED,
    QUESTION_ASKED,
    QUESTION_ANSWERED,
    SCOPE_CHANGED,
    SCREENING_STARTED,
    AREA_NOT_RELEVANT,
    TASK_CLAIMED,
    TASK_RELEASED,
    AREA_SCREENED,
    REMINDER_SENT,
    DEADLINE_MISSED,
    ESCALATION_HANDLED,
    RECOMMENDED,
    DECIDED,
    WITHDRAWN,
    MAIL_SENT
}
