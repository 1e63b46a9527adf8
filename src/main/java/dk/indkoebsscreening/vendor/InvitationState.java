package dk.indkoebsscreening.vendor;

/** Where an invitation (one round) stands. */
public enum InvitationState {
    /** Sent; the vendor may answer until it expires. */
    OPEN,
    /** The vendor submitted: the link shows the answers read-only until it expires. */
    SUBMITTED,
    /** Revoked by staff, or ended because the request was decided or withdrawn ({@link RevokeReason}). */
    REVOKED,
    /** Not submitted before it expired. */
    EXPIRED
}
