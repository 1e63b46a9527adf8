package dk.indkoebsscreening.process;

/** What the coordinators decide when a system's contract comes up for renewal (Gateway_RenewalChoice). */
public enum RenewalChoice {
    /** Screen the system again, from a request pre-filled from the earlier one. */
    RESCREEN,
    /** Renew the contract as it is, with a note why. */
    RENEW,
    /** Let the contract end. */
    LET_END
}
