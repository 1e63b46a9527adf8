package dk.indkoebsscreening.vendor;

import java.util.UUID;

/** The vendor submitted the round's answers. A fact published in the step's transaction, for events and mails. */
public record VendorAnswered(UUID requestId, UUID invitationId) {
}
