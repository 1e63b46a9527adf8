package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.indkoebsscreening.events.TopicReader.Received;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Several application instances on one database: one relay at a time, each event sent once, in order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxRelayLeaseTest {

    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxStore store;
    @Autowired
    CloudEventRecords records;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    EventsProperties properties;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaProperties kafkaProperties;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void whileAnotherInstanceHoldsTheLeaseThisOneSendsNothing() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lease = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lease.setLong(1, OutboxStore.RELAY_LEASE_KEY);
                lease.execute();
            }
            UUID eventId = transaction.execute(status ->
                    outbox.append(UUID.randomUUID(), "IND-2026-9002", EventType.AREA_SCREENED, clock.instant(), Map.of()));

            assertThat(relay.relayOnce().outcome()).isEqualTo(OutboxRelay.Outcome.LEASE_HELD_ELSEWHERE);
            assertThat(isPublished(eventId)).isFalse();

            otherInstance.rollback();
        }
    }

    @Test
    void twoRelaysOnOneDatabaseSendEveryEventOnceAndInOrderPerRequest() {
        Map<String, Object> producerConfig = EventsConfiguration.producerConfig(kafkaProperties, kafkaConnection, null);
        OutboxRelay secondInstance = new OutboxRelay(store, records, producerConfig, RecordSizeLimit.of(producerConfig),
                new TransactionTemplate(transactionManager), new OutboxSignal(), properties.relay(),
                new SimpleMeterRegistry(), clock);
        secondInstance.start();
        try {
            List<UUID> requestIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<UUID> written = new ArrayList<>();
            TransactionTemplate transaction = new TransactionTemplate(transactionManager);
            for (int step = 0; step < 10; step++) {
                for (UUID requestId : requestIds) {
                    int number = step;
                    written.add(transaction.execute(status -> outbox.append(requestId, "IND-2026-9003",
                            EventType.AREA_SCREENED, clock.instant(), Map.of("step", number))));
                }
            }

            // Each relay marks an event published only after Kafka acknowledged it: once all are marked,
            // every record either relay ever sent for them is in the topic.
            await().atMost(Duration.ofSeconds(30)).until(() -> written.stream().allMatch(this::isPublished));
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), properties.topics().lifecycle())) {
                List<Received> ours = ofRequests(reader.readToEnd(Duration.ofSeconds(30)), requestIds);
                assertThat(ours).extracting(r -> r.event().getId()).doesNotHaveDuplicates().hasSize(written.size());
                for (UUID requestId : requestIds) {
                    assertThat(ours.stream().filter(r -> r.key().equals(requestId.toString())).map(r -> r.event().getId()))
                            .containsExactlyElementsOf(written.stream().filter(id -> requestOf(id).equals(requestId))
                                    .map(UUID::toString).toList());
                }
            }
        } finally {
            secondInstance.stop();
        }
    }

    private static List<Received> ofRequests(List<Received> received, List<UUID> requestIds) {
        List<String> keys = requestIds.stream().map(UUID::toString).toList();
        return received.stream().filter(r -> keys.contains(r.key())).toList();
    }

    private boolean isPublished(UUID eventId) {
        return jdbc.sql("select published_at is not null from outbox_event where id = ?")
                .param(eventId).query(Boolean.class).single();
    }

    private UUID requestOf(UUID eventId) {
        return jdbc.sql("select request_id from outbox_event where id = ?").param(eventId).query(UUID.class).single();
    }
}
