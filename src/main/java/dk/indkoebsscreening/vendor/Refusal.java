package dk.indkoebsscreening.vendor;

/** Why a link leads nowhere. */
public enum Refusal {
    /** Malformed, or no link of ours. */
    UNKNOWN,
    EXPIRED,
    /** Revoked by an expert or coordinator. */
    REVOKED,
    /** The request was decided or withdrawn. */
    CLOSED
}
