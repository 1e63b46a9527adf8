package dk.indkoebsscreening.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import dk.indkoebsscreening.system.Tenancy;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes published events from the outbox once they are older than
 * {@code indkoeb.events.outbox-retention.keep-published}. The outbox has to hold an event only until Kafka
 * has acknowledged it; the rows were otherwise 60 % of the database per request and never went away
 * (BENCHMARKS.md, growth). An unpublished event is never deleted, however old. Deletes in batches, each
 * its own short transaction, so the relay is never blocked for long. Every municipality's events, as the relay
 * publishes them: the retention is the installation's.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final int BATCH_SIZE = 5_000;

    private final OutboxStore store;
    private final Duration keepPublished;
    private final Clock clock;

    OutboxRetention(OutboxStore store, EventsProperties properties, Clock clock) {
        this.store = store;
        this.keepPublished = properties.outboxRetention().keepPublished();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${indkoeb.events.outbox-retention.cleanup-interval}")
    void deleteExpired() {
        int deleted = deletePublishedBefore(clock.instant().minus(keepPublished));
        if (deleted > 0) {
            log.info("Deleted {} events from the outbox that were published more than {} ago", deleted, keepPublished);
        }
    }

    int deletePublishedBefore(Instant cutoff) {
        return Tenancy.callAcross(() -> {
            int total = 0;
            int deleted;
            do {
                deleted = store.deletePublishedBefore(cutoff, BATCH_SIZE);
                total += deleted;
            } while (deleted == BATCH_SIZE);
            return total;
        });
    }
}
