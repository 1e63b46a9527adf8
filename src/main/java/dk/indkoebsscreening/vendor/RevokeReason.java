package dk.indkoebsscreening.vendor;

/** Why an invitation was revoked. */
public enum RevokeReason {
    /** An expert or coordinator revoked it. */
    STAFF,
    /** The request was decided or withdrawn while it was open. */
    REQUEST_CLOSED
}
