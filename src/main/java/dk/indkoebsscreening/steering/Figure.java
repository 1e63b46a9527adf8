package dk.indkoebsscreening.steering;

/**
 * A figure of the steering report that drills down to its requests ({@code /styring/anmodninger?figur=…}); a
 * department, an area or who pays narrows it where the report shows it so.
 */
public enum Figure {
    /** Came in (submitted) within the period. */
    SUBMITTED,
    /** Decided within the period, whatever the outcome. */
    DECIDED,
    /** Approved, with or without conditions, within the period. */
    APPROVED,
    REJECTED,
    /** Withdrawn by the requester within the period. */
    WITHDRAWN,
    /** Decided within the period, on or before the request's deadline. */
    ON_TIME,
    /** Decided within the period, after the request's deadline ("overskredet frist"). */
    LATE,
    /** Decided within the period otherwise than the screening recommended. */
    OVERRIDDEN,
    /** Decided within the period with conditions still open today. */
    CONDITIONS_OPEN,
    /** Decided within the period with conditions overdue today. */
    CONDITIONS_OVERDUE,
    /** An area screened within the period. */
    SCREENED,
    /** An area screened within the period after the request's deadline. */
    SCREENED_LATE
}
