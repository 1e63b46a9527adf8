package dk.indkoebsscreening.example.kitos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * The Kafka loop: other types are skipped, an offset is committed only after its event was handled, and each event goes
 * into the KITOS organisation of its municipality.
 */
class KitosHandoffTest {

    private static final TopicPartition PARTITION = new TopicPartition(KitosHandoff.TOPIC, 0);
    private static final TopicPartition LIFECYCLE = new TopicPartition(KitosHandoff.LIFECYCLE_TOPIC, 0);
    private static final String REQUEST_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final UUID NORDBY = UUID.fromString("0b6f7f0e-3c1a-4f57-9d0e-6a1c2b3d4e5f");
    private static final UUID SYDBY = UUID.fromString("5d2c9a41-7b3e-4e8f-a1d6-9c0b8e7f6a52");
    /** The registered system's KITOS UUID in supervision-recorded.v1.json. */
    private static final UUID SUPERVISED_SYSTEM = UUID.fromString("c8e67cd3-f95e-454d-aaa7-b048927694a4");

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final ObjectMapper json = new ObjectMapper();
    private FakeKitos kitos;
    private KitosClient client;
    private ProcessedEventIds processed;
    private KitosHandoff.Handlers handler;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        kitos = new FakeKitos();
        kitos.addSystem("Borgerbooking Plus");
        client = new KitosClient(kitos.baseUrl(), FakeKitos.EMAIL, FakeKitos.PASSWORD, HttpClient.newHttpClient());
        processed = new ProcessedEventIds(dir.resolve("processed-event-ids.txt"));
        handler = handlers(Organizations.single(UUID.randomUUID()));
        consumer.assign(List.of(PARTITION, LIFECYCLE));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L, LIFECYCLE, 0L));
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
        assertThat(committed(PARTITION)).isEqualTo(1); // the other version was skipped and committed, the failed one was not
        assertThat(consumer.position(PARTITION)).isEqualTo(1); // the next poll starts at the failed event

        kitos.failUsagePostsWith(null);
        consumer.addRecord(record(1, KitosHandoff.DECISION_TYPE, "event-v1")); // MockConsumer forgets polled records
        assertThat(KitosHandoff.pollOnce(consumer, handler)).isTrue();
        assertThat(committed(PARTITION)).isEqualTo(2);
        assertThat(kitos.requests("POST", "/api/v2/it-system-usages")).hasSize(2);
    }

    @Test
    void eachMunicipalitysEventsGoIntoItsOwnOrganisation() throws IOException {
        handler = handlers(Organizations.of("nordby=" + NORDBY + ", sydby=" + SYDBY, null));
        UUID sydbysRegistration = kitos.addDataProcessingRegistration(SYDBY, "Sydby: hjemmepleje", SUPERVISED_SYSTEM);
        UUID nordbysRegistration = kitos.addDataProcessingRegistration(NORDBY, "Nordby: hjemmepleje", SUPERVISED_SYSTEM);
        consumer.addRecord(record(0, KitosHandoff.DECISION_TYPE, "event-nordby", "nordby"));
        consumer.addRecord(record(1, KitosHandoff.DECISION_TYPE, "event-sydby", "sydby"));
        consumer.addRecord(supervision(0, "event-supervision-sydby", "sydby"));

        assertThat(KitosHandoff.pollOnce(consumer, handler)).isTrue();

        assertThat(kitos.requests("POST", "/api/v2/it-system-usages")).extracting(this::organizationOf)
                .containsExactlyInAnyOrder(NORDBY.toString(), SYDBY.toString());
        assertThat(kitos.requests("GET", "/api/v2/data-processing-registrations"))
                .extracting(get -> get.query().get("organizationUuid")).containsExactly(SYDBY.toString());
        assertThat(kitos.oversightOf(sydbysRegistration).path("oversightDates")).hasSize(1);
        assertThat(kitos.oversightOf(nordbysRegistration).path("oversightDates")).isEmpty();
    }

    @Test
    void anEventOfAMunicipalityWithoutOrganisationIsSkippedRecordedAndCommittedWithoutAnythingSentToKitos()
            throws IOException {
        handler = handlers(Organizations.of("nordby=" + NORDBY, null));
        kitos.addDataProcessingRegistration(NORDBY, "Nordby: hjemmepleje", SUPERVISED_SYSTEM);
        consumer.addRecord(record(0, KitosHandoff.DECISION_TYPE, "event-sydby", "sydby"));
        consumer.addRecord(record(1, KitosHandoff.DECISION_TYPE, "event-without-municipality", null));
        consumer.addRecord(supervision(0, "event-supervision-sydby", "sydby"));

        assertThat(KitosHandoff.pollOnce(consumer, handler)).isTrue();

        assertThat(kitos.requests()).isEmpty();
        assertThat(committed(PARTITION)).isEqualTo(2);
        assertThat(committed(LIFECYCLE)).isEqualTo(1);
        assertThat(processed.contains("event-sydby")).isTrue();
        assertThat(processed.contains("event-supervision-sydby")).isTrue();
    }

    @Test
    void withOneOrganisationEveryEventGoesIntoIt() throws IOException {
        UUID organization = UUID.randomUUID();
        handler = handlers(Organizations.of(null, organization.toString()));
        consumer.addRecord(record(0, KitosHandoff.DECISION_TYPE, "event-nordby", "nordby"));
        consumer.addRecord(record(1, KitosHandoff.DECISION_TYPE, "event-from-before-the-header", null));

        assertThat(KitosHandoff.pollOnce(consumer, handler)).isTrue();

        // the second is the same decision: KITOS answers 409, and the POST shows where it was sent
        assertThat(kitos.requests("POST", "/api/v2/it-system-usages")).extracting(this::organizationOf)
                .containsExactly(organization.toString(), organization.toString());
    }

    private KitosHandoff.Handlers handlers(Organizations organizations) {
        return new KitosHandoff.Handlers(new DecisionHandler(client, organizations, processed),
                new SupervisionHandler(client, organizations, processed));
    }

    private long committed(TopicPartition partition) {
        return Optional.ofNullable(consumer.committed(Set.of(partition)).get(partition)).map(OffsetAndMetadata::offset).orElse(0L);
    }

    private String organizationOf(FakeKitos.Request usagePost) {
        try {
            return json.readTree(usagePost.body()).path("organizationUuid").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ConsumerRecord<String, byte[]> record(long offset, String type, String eventId) throws IOException {
        return record(offset, type, eventId, "nordby");
    }

    private ConsumerRecord<String, byte[]> record(long offset, String type, String eventId, String municipality)
            throws IOException {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, 0L, TimestampType.CREATE_TIME,
                -1, -1, REQUEST_ID, decisionPayload(), headers(type, eventId, municipality), Optional.empty());
    }

    private ConsumerRecord<String, byte[]> supervision(long offset, String eventId, String municipality) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/supervision-recorded.v1.json")) {
            return new ConsumerRecord<>(LIFECYCLE.topic(), LIFECYCLE.partition(), offset, 0L, TimestampType.CREATE_TIME,
                    -1, -1, "3d1f6a52-0c4b-4f0e-9a57-6b2d8e4c1f90", in.readAllBytes(),
                    headers(KitosHandoff.SUPERVISION_TYPE, eventId, municipality), Optional.empty());
        }
    }

    /** CloudEvents binary mode as the application sends it; without municipality as before issue 31. */
    private static RecordHeaders headers(String type, String eventId, String municipality) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("ce_specversion", bytes("1.0")));
        headers.add(new RecordHeader("ce_id", bytes(eventId)));
        headers.add(new RecordHeader("ce_type", bytes(type)));
        headers.add(new RecordHeader("ce_subject", bytes("IND-2026-0042")));
        if (municipality != null) {
            headers.add(new RecordHeader("ce_source", bytes("urn:indkoebsscreening:" + municipality)));
            headers.add(new RecordHeader("ce_municipality", bytes(municipality)));
        }
        headers.add(new RecordHeader("content-type", bytes("application/json")));
        return headers;
    }

    private byte[] decisionPayload() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/decision-made.v1.json")) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
