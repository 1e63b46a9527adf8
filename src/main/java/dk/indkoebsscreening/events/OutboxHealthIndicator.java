package dk.indkoebsscreening.events;

import dk.indkoebsscreening.system.DatabaseOutage;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health "outbox": the backlog and the age of its oldest event. An old event means Kafka (or the
 * relay) has been failing for a while; the status is DELAYED rather than DOWN because the
 * application itself still works and must stay in the load balancer, and nothing is lost.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    static final Status DELAYED = new Status("DELAYED", "Events wait in the outbox longer than allowed");

    private final OutboxStore store;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final Duration maxOldestAge;

    OutboxHealthIndicator(OutboxStore store, Clock clock, DatabaseOutage outage, EventsProperties properties) {
        this.store = store;
        this.clock = clock;
        this.outage = outage;
        this.maxOldestAge = properties.health().maxOldestAge();
    }

    @Override
    public Health health() {
        return outage.healthOf(this::backlogHealth);
    }

    private Health backlogHealth() {
        OutboxStore.Backlog backlog = store.backlog();
        Duration oldestAge = backlog.oldestAge(clock.instant());
        return Health.status(oldestAge.compareTo(maxOldestAge) > 0 ? DELAYED : Status.UP)
                .withDetail("backlog", backlog.size())
                .withDetail("oldestEventAgeSeconds", oldestAge.toSeconds())
                .withDetail("maxOldestAgeSeconds", maxOldestAge.toSeconds())
                .build();
    }
}
