package dk.indkoebsscreening.example;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads purchase decisions from {@code procurement.decisions.v1} and acts on each decision once: here it
 * prints what a system acting on the decision would use.
 *
 * <p>Delivery is at least once: after a crash or a rebalance the same event (same {@code ce_id}) can
 * arrive again. The consumer therefore remembers the ids it has handled and skips repeats, and
 * commits its offsets only after handling. In a real system, record the id in the same database
 * transaction as the effect of the event (e.g. a unique key on the id).
 *
 * <p>An installation may serve several municipalities, all on the same topics: given a municipality's id, the consumer
 * keeps only that municipality's decisions, by the header {@code ce_municipality}, without reading the others' payloads.
 *
 * <p>Usage: {@code DecisionConsumer [bootstrap-servers] [processed-ids-file] [municipality-id]}.
 */
public final class DecisionConsumer {

    static final String TOPIC = "procurement.decisions.v1";
    /**
     * The current version of the decision event (docs/events.md, "Compatibility"). A breaking change would be
     * published as a new type on a topic of its own, beside this one, and announced as deprecated in CHANGELOG.md
     * with the date after which this one ends: then move TOPIC and this type to it.
     */
    static final String DECISION_TYPE = "dk.indkoebsscreening.decision.made.v1";

    // Within a version fields are only ever added, so read by name and ignore the rest (a tree, not a closed class);
    // amounts keep the digits they were written with, whether as a JSON number or as a string.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    public static void main(String[] args) {
        String bootstrapServers = args.length > 0 ? args[0] : "127.0.0.1:9092";
        ProcessedEventIds processed = new ProcessedEventIds(Path.of(args.length > 1 ? args[1] : "processed-event-ids.txt"));
        String municipality = args.length > 2 ? args[2] : null;
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "example-decision-consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            stopOnShutdown(consumer);
            consumer.subscribe(List.of(TOPIC));
            System.out.println("Waiting for " + DECISION_TYPE + " on " + TOPIC + " at " + bootstrapServers + " (Ctrl+C stops)");
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    handle(record, processed, municipality);
                }
                consumer.commitSync();
            }
        } catch (WakeupException stopped) {
            System.out.println("Stopped");
        }
    }

    /**
     * Ctrl+C leaves the consumer group at once: a consumer that just disappears keeps its partitions until the
     * broker's session timeout (45 s), and a restarted one waits that long for them.
     */
    private static void stopOnShutdown(KafkaConsumer<String, byte[]> consumer) {
        Thread loop = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                loop.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** @param municipality the id of the municipality whose decisions to handle; null handles every municipality's */
    static void handle(ConsumerRecord<String, byte[]> record, ProcessedEventIds processed, String municipality) {
        String eventId = header(record, "ce_id");
        if (!DECISION_TYPE.equals(header(record, "ce_type"))) {
            return;
        }
        if (municipality != null && !municipality.equals(header(record, "ce_municipality"))) {
            return;
        }
        if (eventId == null) {
            System.err.printf("Skipping offset %d of %s: no ce_id header%n", record.offset(), record.topic());
            return;
        }
        if (processed.contains(eventId)) {
            System.out.println("Skipping " + eventId + ": already handled");
            return;
        }
        // The value is the JSON payload (schema: header ce_dataschema); the key is the request id.
        try {
            System.out.println(describe(JSON.readTree(record.value())) + "\n  (event " + eventId + ", request " + record.key() + ")");
        } catch (IOException | IllegalArgumentException e) {
            // Trying again cannot make it readable: report it and go on, as the producer validates every payload.
            System.err.println("Event " + eventId + " is not a decision payload: " + e.getMessage());
        }
        processed.add(eventId);
    }

    /** The decision in a few lines: what it is about, the outcome and what binds the purchase. */
    static String describe(JsonNode decision) {
        if (decision == null || !decision.isObject() || text(decision, "reference") == null || text(decision, "outcome") == null) {
            throw new IllegalArgumentException("no reference or outcome");
        }
        StringBuilder text = new StringBuilder()
                .append(text(decision, "reference")).append(' ').append(text(decision, "title"))
                .append(": ").append(text(decision, "outcome"))
                .append(", decided ").append(text(decision, "decidedAt"))
                .append("\n  system: ").append(text(decision, "systemName")).append(" from ").append(text(decision, "vendor"))
                .append(", contract value ").append(text(decision, "contractValueDkk")).append(" DKK");
        if (text(decision, "reason") != null) {
            text.append("\n  reason: ").append(text(decision, "reason"));
        }
        decision.path("conditions").forEach(condition -> text.append("\n  condition: ").append(condition.asText()));
        if (text(decision, "report") != null) {
            text.append("\n  report: ").append(text(decision, "report"));
        }
        return text.toString();
    }

    private static String text(JsonNode decision, String field) {
        JsonNode value = decision.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private DecisionConsumer() {
    }
}
