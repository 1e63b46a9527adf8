package dk.indkoebsscreening.supervision;

/** The conclusion of one supervision. */
public enum SupervisionResult {
    NO_REMARKS,
    REMARKS,
    CRITICAL
}
