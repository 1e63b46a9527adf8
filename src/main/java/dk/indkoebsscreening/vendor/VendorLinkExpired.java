package dk.indkoebsscreening.vendor;

import java.util.UUID;

/** An open invitation expired unanswered. A fact published in the step's transaction, for events and mails. */
public record VendorLinkExpired(UUID requestId, UUID invitationId) {
}
