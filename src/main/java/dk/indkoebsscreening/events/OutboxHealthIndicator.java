package dk.indkoebsscreening.events;

import dk.indkoebsscreening.system.DatabaseOutage;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health "outbox": the backlog and the age of its oldest event, and the events set aside. An old event means Kafka
 * (or the relay) has been failing for a while; the status is DELAYED rather than DOWN because the application itself
 * still works and nothing is lost: Kafka's return heals it. An event set aside (a dead letter) is DOWN at once: nothing
 * heals it but an administrator, and until then the later events of its request are not published. The details name
 * each (without its payload). The load balancer asks the readiness group, which leaves this component out.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    static final Status DELAYED = new Status("DELAYED", "Events wait in the outbox longer than allowed");
    /** Health answers are small; the page and the API list them all. */
    static final int DEAD_LETTERS_NAMED = 10;

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
        long deadLetters = store.deadLetterCount();
        Health.Builder health = Health.status(deadLetters > 0 ? Status.DOWN
                        : oldestAge.compareTo(maxOldestAge) > 0 ? DELAYED : Status.UP)
                .withDetail("backlog", backlog.size())
                .withDetail("oldestEventAgeSeconds", oldestAge.toSeconds())
                .withDetail("maxOldestAgeSeconds", maxOldestAge.toSeconds())
                .withDetail("deadLetterCount", deadLetters);
        if (deadLetters > 0) {
            health.withDetail("deadLetters", store.deadLetters(DEAD_LETTERS_NAMED).stream().map(OutboxHealthIndicator::named).toList())
                    .withDetail("deadLettersPage", DeadLettersPage.PATH);
        }
        return health.build();
    }

    private static Map<String, Object> named(DeadLetter deadLetter) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("id", deadLetter.id());
        named.put("type", deadLetter.type());
        named.put("subject", deadLetter.reference());
        named.put("since", deadLetter.deadLetteredAt());
        named.put("reason", deadLetter.reason());
        named.put("waitingBehind", deadLetter.waitingBehind());
        return named;
    }
}
