package dk.indkoebsscreening.followup;

/** What happened to a condition; also the {@code change} of condition.changed.v1. */
public enum ChangeKind {
    /** The decision set it. */
    SET,
    REPORTED,
    VERIFIED,
    SENT_BACK,
    WAIVED,
    /** Its due date passed while it was with its owner. */
    OVERDUE,
    /** Handed to a colleague. */
    OWNER_CHANGED
}
