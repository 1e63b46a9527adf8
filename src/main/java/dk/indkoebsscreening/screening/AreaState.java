package dk.indkoebsscreening.screening;

public enum AreaState {
    /** Screening has not started (the request is still in triage). */
    PENDING,
    OPEN,
    COMPLETED,
    /** Left out by the scope confirmed at triage; {@code findings} holds why. */
    NOT_RELEVANT,
    /** Open or not started when the requester withdrew the request. */
    CANCELLED
}
