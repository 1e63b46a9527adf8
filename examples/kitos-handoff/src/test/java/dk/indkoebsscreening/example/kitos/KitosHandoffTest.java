package dk.indkoebsscreening.example.kitos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka loop: other types are skipped, an offset is committed only after its event was handled. */
class KitosHandoffTest {

    private static final TopicPartition PARTITION = new TopicPartition(KitosHandoff.TOPIC, 0);
    private static final String REQUEST_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private FakeKitos kitos;
    private KitosHandoff.Handlers handler;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        kitos = new FakeKitos();
        kitos.addSystem("Borgerbooking Plus");
        KitosClient client = new KitosClient(kitos.baseUrl(), FakeKitos.EMAIL, FakeKitos.PASSWORD, HttpClient.newHttpClient());
        ProcessedEventIds processed = new ProcessedEventIds(dir.resolve("processed-event-ids.txt"));
        UUID organization = UUID.randomUUID();
        handler = new KitosHandoff.Handlers(new DecisionHandler(client, organization, processed),
                new SupervisionHandler(client, organization, processed));
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    @AfterEach
    void stop() {
        kitos.close();
    }

    @Test
    void aFailedEventIsNotCommittedAndIsReadAgain() throws IOException {
        kitos.failUsagePostsWith(503);
        // A later major version, published beside v1 for its announced period (docs/events.md), is not for this consumer.
        consumer.addRecord(record(0, "dk.indkoebsscreening.decision.made.v2", "event-next-version"));
        consumer.addRecord(record(1, KitosHandoff.DECISION_TYPE, "event-v1"));

        assertThat(KitosHandoff.pollOnce(consumer, handler)).isFalse();
        assertThat(committed()).isEqualTo(1); // the other version was skipped and committed, the failed one was not
        assertThat(consumer.position(PARTITION)).isEqualTo(1); // the next poll starts at the failed event

        kitos.failUsagePostsWith(null);
        consumer.addRecord(record(1, KitosHandoff.DECISION_TYPE, "event-v1")); // MockConsumer forgets polled records
        assertThat(KitosHandoff.pollOnce(consumer, handler)).isTrue();
        assertThat(committed()).isEqualTo(2);
        assertThat(kitos.requests("POST", "/api/v2/it-system-usages")).hasSize(2);
    }

    private long committed() {
        return Optional.ofNullable(consumer.committed(Set.of(PARTITION)).get(PARTITION)).map(OffsetAndMetadata::offset).orElse(0L);
    }

    private ConsumerRecord<String, byte[]> record(long offset, String type, String eventId) throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("ce_specversion", bytes("1.0")));
        headers.add(new RecordHeader("ce_id", bytes(eventId)));
        headers.add(new RecordHeader("ce_type", bytes(type)));
        headers.add(new RecordHeader("ce_subject", bytes("IND-2026-0042")));
        headers.add(new RecordHeader("content-type", bytes("application/json")));
        try (InputStream in = getClass().getResourceAsStream("/decision-made.v1.json")) {
            return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, 0L, TimestampType.CREATE_TIME,
                    -1, -1, REQUEST_ID, in.readAllBytes(), headers, Optional.empty());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
