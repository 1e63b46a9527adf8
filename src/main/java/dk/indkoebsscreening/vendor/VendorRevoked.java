package dk.indkoebsscreening.vendor;

import java.util.UUID;

/** An invitation was revoked: by staff ({@code revokedBy}), or because the request closed ({@code revokedBy} null). A fact published in the step's transaction, for events and mails. */
public record VendorRevoked(UUID requestId, UUID invitationId, String revokedBy, RevokeReason reason) {
}
