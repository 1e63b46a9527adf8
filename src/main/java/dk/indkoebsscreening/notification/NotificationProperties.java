package dk.indkoebsscreening.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.notifications.*}: how the relay retries and how long sent mail is kept; and, for the first start, who
 * sends and where groups with a shared mailbox get their mail (then each municipality's settings).
 *
 * @param from           the installation's first municipality's sender, e.g.
 *                       {@code Indkøbsscreening <indkoebsscreening@kommune.dk>}: required, and taken into that
 *                       municipality's settings at its first start, after which each municipality's own sender is used
 * @param groupMailboxes the first municipality's group mailboxes (group id to address), taken into its settings likewise
 * @param keepSent       sent mails stay readable for the administrators this long, then are deleted
 */
@Validated
@ConfigurationProperties("indkoeb.notifications")
record NotificationProperties(@NotBlank String from, Map<String, @NotBlank String> groupMailboxes, @NotNull @Valid Relay relay,
                              @NotNull @DurationMin(millis = 1) Duration keepSent,
                              @NotNull @DurationMin(millis = 1) Duration maxOldestAge) {

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
    record Relay(boolean enabled, @NotNull @DurationMin(millis = 1) Duration pollInterval, @Positive @Max(1000) int batchSize,
                 @NotNull @DurationMin(millis = 1) Duration firstRetry, @NotNull @DurationMin(millis = 1) Duration maxRetry,
                 @NotNull @DurationMin(millis = 1) Duration lease, @Positive int maxAttempts) {
    }
}
