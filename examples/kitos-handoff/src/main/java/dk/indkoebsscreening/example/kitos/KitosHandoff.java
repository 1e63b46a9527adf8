package dk.indkoebsscreening.example.kitos;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads purchase decisions from {@code procurement.decisions.v1} and registers every approved system in
 * KITOS as used by the municipality, and the supervisions of data processors from
 * {@code procurement.request-lifecycle.v1}, written into the oversight of the system's data processing registration.
 * The work is in {@link DecisionHandler} and {@link SupervisionHandler}; this class is the Kafka loop.
 *
 * <p>An offset is committed only after its event was handled. When KITOS fails, the consumer seeks
 * back to that event and tries it again after a pause, so no decision is skipped.
 *
 * <p>Usage: {@code KitosHandoff [bootstrap-servers] [processed-ids-file]}, with KITOS_URL, KITOS_EMAIL,
 * KITOS_PASSWORD and KITOS_ORGANIZATIONS (or, for one municipality, KITOS_ORGANIZATION_UUID) in the environment
 * (see README.md). Each event goes into the KITOS organisation of its municipality ({@code ce_municipality}).
 */
public final class KitosHandoff {

    static final String TOPIC = "procurement.decisions.v1";
    static final String DECISION_TYPE = "dk.indkoebsscreening.decision.made.v1";
    /** The supervisions of data processors are on the lifecycle topic, keyed by the system's id. */
    static final String LIFECYCLE_TOPIC = "procurement.request-lifecycle.v1";
    static final String SUPERVISION_TYPE = "dk.indkoebsscreening.supervision.recorded.v1";
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(30);

    public static void main(String[] args) throws InterruptedException {
        String bootstrapServers = args.length > 0 ? args[0] : env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        Path processedFile = Path.of(args.length > 1 ? args[1] : env("PROCESSED_IDS_FILE", "processed-event-ids.txt"));
        String kitosUrl = required("KITOS_URL");
        // The password only from the environment: program arguments are visible to every user in `ps`.
        KitosClient kitos = new KitosClient(URI.create(kitosUrl), required("KITOS_EMAIL"), required("KITOS_PASSWORD"),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        Organizations organizations;
        try {
            organizations = Organizations.of(System.getenv("KITOS_ORGANIZATIONS"), System.getenv("KITOS_ORGANIZATION_UUID"));
        } catch (IllegalArgumentException e) {
            // a configuration that could put an event in a wrong organisation stops the start, before anything is read
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ProcessedEventIds processed = new ProcessedEventIds(processedFile);
        Handlers handler = new Handlers(new DecisionHandler(kitos, organizations, processed),
                new SupervisionHandler(kitos, organizations, processed));

        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "kitos-handoff",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC, LIFECYCLE_TOPIC));
            System.out.println("Handing decisions on " + TOPIC + " and supervisions on " + LIFECYCLE_TOPIC + " at "
                    + bootstrapServers + " to KITOS at " + kitosUrl
                    + " for " + organizations);
            while (true) {
                if (!pollOnce(consumer, handler)) {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        }
    }

    /** What acts on each kind of event. */
    record Handlers(DecisionHandler decisions, SupervisionHandler supervisions) {
    }

    /** Handles one poll's records; false if one failed and will come again. */
    static boolean pollOnce(Consumer<String, byte[]> consumer, Handlers handler) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
        boolean allHandled = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    handle(record, handler);
                } catch (RuntimeException e) {
                    System.err.printf("Event %s (%s offset %d) failed, trying again in %ds: %s%n",
                            header(record, "ce_id"), partition, record.offset(), RETRY_PAUSE.toSeconds(), e.getMessage());
                    // the next poll returns this record again; later records of the partition wait, keeping the order
                    consumer.seek(partition, record.offset());
                    allHandled = false;
                    break;
                }
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            }
        }
        return allHandled;
    }

    static void handle(ConsumerRecord<String, byte[]> record, Handlers handlers) {
        String type = header(record, "ce_type");
        // A decision is on both topics (the same ce_id): it is taken from the decisions topic only. A breaking change gets
        // its own type (…v2), published beside v1 for a while; this consumer reads v1.
        boolean decision = DECISION_TYPE.equals(type) && TOPIC.equals(record.topic());
        if (!decision && !SUPERVISION_TYPE.equals(type)) {
            return;
        }
        String eventId = header(record, "ce_id");
        if (eventId == null) {
            System.err.printf("Skipping offset %d of %s: no ce_id header%n", record.offset(), record.topic());
            return;
        }
        String municipality = header(record, "ce_municipality");
        if (decision) {
            DecisionHandler.Result result = handlers.decisions().handle(eventId, municipality, record.value());
            boolean needsAPerson = result.status() == DecisionHandler.Status.REGISTER_BY_HAND
                    || result.status() == DecisionHandler.Status.INVALID_PAYLOAD;
            (needsAPerson ? System.err : System.out)
                    .printf("%s (event %s, request %s): %s%n", result.status(), eventId, record.key(), result.message());
            return;
        }
        SupervisionHandler.Result result = handlers.supervisions().handle(eventId, municipality, record.value());
        boolean needsAPerson = result.status() == SupervisionHandler.Status.RECORD_BY_HAND
                || result.status() == SupervisionHandler.Status.INVALID_PAYLOAD;
        (needsAPerson ? System.err : System.out)
                .printf("%s (event %s, system %s): %s%n", result.status(), eventId, record.key(), result.message());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = env(name, null);
        if (value == null) {
            System.err.println("Set " + name + " (see README.md): KITOS_URL, KITOS_EMAIL, KITOS_PASSWORD, and "
                    + "KITOS_ORGANIZATIONS or KITOS_ORGANIZATION_UUID");
            System.exit(2);
        }
        return value;
    }

    private KitosHandoff() {
    }
}
