package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.system.DatabaseOutage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class OutboxHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final EventsProperties PROPERTIES =
            new EventsProperties(null, null, null, new EventsProperties.Health(Duration.ofMinutes(5)), null);

    @Test
    void upWithTheBacklogWhileEventsAreYoungerThanAllowed() {
        Health health = healthWith(new OutboxStore.Backlog(3, NOW.minusSeconds(299)));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("backlog", 3L).containsEntry("oldestEventAgeSeconds", 299L);
    }

    @Test
    void delayedWhenTheOldestEventWaitsLongerThanAllowed() {
        assertThat(healthWith(new OutboxStore.Backlog(40, NOW.minusSeconds(301))).getStatus())
                .isEqualTo(OutboxHealthIndicator.DELAYED);
    }

    @Test
    void upWhenTheOutboxIsEmpty() {
        Health health = healthWith(new OutboxStore.Backlog(0, null));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("oldestEventAgeSeconds", 0L);
    }

    private static Health healthWith(OutboxStore.Backlog backlog) {
        OutboxStore store = new OutboxStore(null) {
            @Override
            Backlog backlog() {
                return backlog;
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new OutboxHealthIndicator(store, clock, new DatabaseOutage(null, clock), PROPERTIES).health();
    }
}
