package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.system.DatabaseOutage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        assertThat(health.getDetails()).containsEntry("oldestEventAgeSeconds", 0L).containsEntry("deadLetterCount", 0L)
                .doesNotContainKey("deadLetters");
    }

    @Test
    void downAtOnceWhileAnEventIsSetAsideNamingItWithoutItsPayload() {
        UUID id = UUID.randomUUID();
        DeadLetter deadLetter = new DeadLetter(id, UUID.randomUUID(), EventType.DECISION_MADE.type(), "IND-2026-0042",
                NOW.minusSeconds(10), NOW.minusSeconds(5), "RecordTooLargeException: The message is 1300000 bytes", 1,
                1_299_000, 2, null, null, null, null, null, "kommune");
        Health health = healthWith(new OutboxStore.Backlog(2, NOW.minusSeconds(3)), List.of(deadLetter));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("deadLetterCount", 1L);
        assertThat((List<?>) health.getDetails().get("deadLetters")).singleElement()
                .isEqualTo(Map.of("id", id, "type", "dk.indkoebsscreening.decision.made.v1", "subject", "IND-2026-0042",
                        "since", NOW.minusSeconds(5), "reason", "RecordTooLargeException: The message is 1300000 bytes",
                        "waitingBehind", 2L));
    }

    private static Health healthWith(OutboxStore.Backlog backlog) {
        return healthWith(backlog, List.of());
    }

    private static Health healthWith(OutboxStore.Backlog backlog, List<DeadLetter> deadLetters) {
        OutboxStore store = new OutboxStore(null) {
            @Override
            Backlog backlog() {
                return backlog;
            }

            @Override
            long deadLetterCount() {
                return deadLetters.size();
            }

            @Override
            List<DeadLetter> deadLetters(int limit) {
                return deadLetters;
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new OutboxHealthIndicator(store, clock, new DatabaseOutage(null, clock), PROPERTIES).health();
    }
}
