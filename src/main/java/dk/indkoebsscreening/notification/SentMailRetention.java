package dk.indkoebsscreening.notification;

import java.time.Clock;
import org.slf4j.Logger;
import dk.indkoebsscreening.system.Tenancy;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sent mails older than {@code indkoeb.notifications.keep-sent}: they hold names and case details,
 * and the administrators need them only to answer "was I told?" for a while. Unsent mails are never deleted.
 * Every municipality's mails, as the relay sends them: the retention is the installation's.
 */
@Component
class SentMailRetention {

    private static final Logger log = LoggerFactory.getLogger(SentMailRetention.class);
    private static final int BATCH_SIZE = 5_000;

    private final MailOutbox outbox;
    private final NotificationProperties properties;
    private final Clock clock;

    SentMailRetention(MailOutbox outbox, NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    void deleteExpired() {
        int total = Tenancy.callAcross(this::deleteExpiredInBatches);
        if (total > 0) {
            log.info("Deleted {} mails sent more than {} ago", total, properties.keepSent());
        }
    }

    private int deleteExpiredInBatches() {
        int total = 0;
        int deleted;
        do {
            deleted = outbox.deleteSentBefore(clock.instant().minus(properties.keepSent()), BATCH_SIZE);
            total += deleted;
        } while (deleted == BATCH_SIZE);
        return total;
    }
}
