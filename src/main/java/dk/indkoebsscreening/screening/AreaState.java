package dk.indkoebsscreening.screening;

public enum AreaState {
    /** Screening has not started (the request is still in triage). */
    PENDING,
    OPEN,
    COMPLETED
}
