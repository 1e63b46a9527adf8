package dk.indkoebsscreening.example;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads purchase decisions from {@code procurement.decisions.v1} and acts on each decision once.
 *
 * <p>Delivery is at least once: after a crash or a rebalance the same event (same {@code ce_id}) can
 * arrive again. The consumer therefore remembers the ids it has handled and skips repeats, and
 * commits its offsets only after handling. In a real system, record the id in the same database
 * transaction as the effect of the event (e.g. a unique key on the id).
 *
 * <p>Usage: {@code DecisionConsumer [bootstrap-servers] [processed-ids-file]}.
 */
public final class DecisionConsumer {

    static final String TOPIC = "procurement.decisions.v1";
    static final String DECISION_TYPE = "dk.indkoebsscreening.decision.made.v1";

    public static void main(String[] args) {
        String bootstrapServers = args.length > 0 ? args[0] : "127.0.0.1:9092";
        ProcessedEventIds processed = new ProcessedEventIds(Path.of(args.length > 1 ? args[1] : "processed-event-ids.txt"));
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "example-decision-consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            System.out.println("Waiting for decisions on " + TOPIC + " at " + bootstrapServers);
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    handle(record, processed);
                }
                consumer.commitSync();
            }
        }
    }

    static void handle(ConsumerRecord<String, byte[]> record, ProcessedEventIds processed) {
        String eventId = header(record, "ce_id");
        if (!DECISION_TYPE.equals(header(record, "ce_type"))) {
            return; // a breaking change gets its own type (…v2), published beside v1 for a while; this consumer reads v1
        }
        if (processed.contains(eventId)) {
            System.out.println("Skipping " + eventId + ": already handled");
            return;
        }
        // The value is the JSON payload (schema: header ce_dataschema); the key is the request id.
        System.out.printf("Decision on %s (request %s, event %s): %s%n", header(record, "ce_subject"),
                record.key(), eventId, new String(record.value(), StandardCharsets.UTF_8));
        processed.add(eventId);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private DecisionConsumer() {
    }
}
