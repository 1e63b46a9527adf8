package dk.indkoebsscreening.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One mail to one address, as stored in the outbox.
 *
 * @param factId        the step's fact it tells about: one mail per fact and address
 * @param recipientUser the person's user id; null for a group's shared mailbox
 * @param messageId     the same on every try, so a retry after an uncertain send is recognisable as the same mail
 * @param vendorInvitation the vendor's invitation whose link the relay mints into the bodies when it sends the mail (they
 *                      hold {@code VendorLinks.PLACEHOLDER} instead); null for every other mail
 */
record OutgoingMail(UUID id, UUID factId, UUID requestId, MailKind kind, String recipientUser, String recipient,
                    String subject, String text, String html, String messageId, String sender, Instant createdAt, int attempts,
                    Instant sentAt, String lastError, UUID vendorInvitation) {

    boolean isSent() {
        return sentAt != null;
    }
}
