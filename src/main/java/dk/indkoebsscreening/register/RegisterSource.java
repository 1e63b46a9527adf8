package dk.indkoebsscreening.register;

/** Where a registered system came from. */
public enum RegisterSource {
    /** An approved request of this application. */
    DECISION,
    /** A row of a KITOS export a coordinator imported. */
    KITOS_IMPORT,
    /** Entered by a coordinator (or through the API). */
    MANUAL
}
