package dk.indkoebsscreening.vendor;

import java.util.UUID;

/** An open invitation expires soon: the vendor is to be reminded. A fact published in the step's transaction, for events and mails. */
public record VendorReminderDue(UUID requestId, UUID invitationId) {
}
