package dk.indkoebsscreening.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Gauges of the outbox, read from the database at each scrape, so every instance reports the same backlog. */
@Component
class OutboxMetrics implements MeterBinder {

    private final OutboxStore store;
    private final Clock clock;

    OutboxMetrics(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("indkoeb.outbox.backlog", store, outbox -> outbox.backlog().size())
                .description("Outbox events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("indkoeb.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("indkoeb.outbox.dead-letters", store, OutboxStore::deadLetterCount)
                .description("Outbox events set aside because the broker refuses them for good; each needs an administrator")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        return store.backlog().oldestAge(clock.instant()).toMillis() / 1000.0;
    }
}
