package dk.indkoebsscreening.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code indkoeb.notifications.*}: who sends, where groups with a shared mailbox get their mail, and how the
 * relay retries.
 *
 * @param from           the sender, e.g. {@code Indkøbsscreening <indkoebsscreening@kommune.dk>}
 * @param groupMailboxes a group's shared address (group id to address): the group's mails go there instead
 *                       of to each member
 * @param keepSent       sent mails stay readable for the administrators this long, then are deleted
 */
@ConfigurationProperties("indkoeb.notifications")
record NotificationProperties(String from, Map<String, String> groupMailboxes, Relay relay, Duration keepSent,
                              Duration maxOldestAge) {

    NotificationProperties {
        groupMailboxes = groupMailboxes == null ? Map.of() : Map.copyOf(groupMailboxes);
    }

    /**
     * @param pollInterval how often the relay looks for mail when no commit woke it
     * @param firstRetry   the pause after a mail's first failed send, doubled after each further failure
     * @param maxRetry     the longest pause between two tries of a mail
     * @param lease        how long a mail being sent is reserved for the instance sending it; after a crash
     *                     mid-send, another instance sends it again after this
     * @param maxAttempts  a mail refused this often is given up (an address the server will never take): it
     *                     leaves the backlog and shows as given up to the administrators
     */
    record Relay(boolean enabled, Duration pollInterval, int batchSize, Duration firstRetry, Duration maxRetry, Duration lease,
                 int maxAttempts) {
    }
}
