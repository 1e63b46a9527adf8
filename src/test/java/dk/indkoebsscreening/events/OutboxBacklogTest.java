package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.indkoebsscreening.events.TopicReader.Received;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A backlog (events that waited out a Kafka outage) goes out oldest first, and a step taken meanwhile goes out
 * beside it instead of behind it, while every request keeps its commit order: the query, then the application's
 * relay draining a backlog of more than two rounds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxBacklogTest {

    @Autowired
    OutboxStore store;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    Clock clock;
    @Autowired
    EventsProperties properties;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewRequestsEventGoesBesideTheBacklogAndABackloggedRequestsNewEventWaitsItsTurn() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<UUID> backloggedRequests = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID newRequest = UUID.randomUUID();
        List<UUID> backlog = new ArrayList<>();
        UUID backloggedRequestsNewEvent;
        UUID newRequestsEvent;
        // The application's relay holds off while this connection has the lease, as while Kafka was away.
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lease = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lease.setLong(1, OutboxStore.RELAY_LEASE_KEY);
                lease.execute();
            }
            // More than two full rounds of the application's relay, so it drains it in three or more.
            int steps = (2 * properties.relay().batchSize() + 50) / backloggedRequests.size();
            transaction.executeWithoutResult(status -> {
                for (int step = 0; step < steps; step++) {
                    for (UUID requestId : backloggedRequests) {
                        backlog.add(outbox.append(requestId, "IND-2026-9010", EventType.AREA_SCREENED, clock.instant(), Map.of("step", step)));
                    }
                }
            });
            backloggedRequestsNewEvent = transaction.execute(status -> outbox.append(backloggedRequests.get(1),
                    "IND-2026-9010", EventType.AREA_SCREENED, clock.instant(), Map.of("step", steps)));
            newRequestsEvent = transaction.execute(status -> outbox.append(newRequest, "IND-2026-9011",
                    EventType.REQUEST_SUBMITTED, clock.instant(), Map.of()));

            // A round of four: the oldest four, then what may go beside them.
            List<OutboxEvent> oldest = transaction.execute(status -> store.oldestUnpublished(4));
            List<UUID> beside = transaction.execute(status -> store.firstWaitingAmongNewest(oldest.get(3).seq(), 4))
                    .stream().map(OutboxEvent::id).toList();

            assertThat(oldest).extracting(OutboxEvent::id).containsExactlyElementsOf(backlog.subList(0, 4));
            assertThat(beside).containsExactly(newRequestsEvent).doesNotContain(backloggedRequestsNewEvent);
            otherInstance.rollback();
        }

        // The application's relay drains it: the new request's event goes out in an earlier round than the
        // backlog's last, the backlogged request's new event only after all its older ones.
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        assertThat(publishedAt(newRequestsEvent)).isBefore(publishedAt(backlog.get(backlog.size() - 1)));
        assertThat(publishedAt(backloggedRequestsNewEvent)).isAfterOrEqualTo(publishedAt(backlog.get(backlog.size() - 2)));
        List<UUID> requests = new ArrayList<>(backloggedRequests);
        requests.add(newRequest);
        List<UUID> written = new ArrayList<>(backlog);
        written.add(backloggedRequestsNewEvent);
        written.add(newRequestsEvent);
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
            List<Received> received = reader.readToEnd(Duration.ofSeconds(30));
            for (UUID requestId : requests) {
                assertThat(received.stream().filter(r -> r.key().equals(requestId.toString())).map(r -> r.event().getId()))
                        .as("request %s in commit order", requestId)
                        .containsExactlyElementsOf(written.stream().filter(id -> requestOf(id).equals(requestId))
                                .map(UUID::toString).toList());
            }
        }
    }

    private long unpublished() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    private Instant publishedAt(UUID eventId) {
        return jdbc.sql("select published_at from outbox_event where id = ?").param(eventId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
    }

    private UUID requestOf(UUID eventId) {
        return jdbc.sql("select request_id from outbox_event where id = ?").param(eventId).query(UUID.class).single();
    }
}
