package dk.indkoebsscreening.vendor;

import java.util.UUID;

/** An expert or coordinator invited the vendor's contact (a new round). A fact published in the step's transaction, for events and mails. */
public record VendorInvited(UUID requestId, UUID invitationId) {
}
