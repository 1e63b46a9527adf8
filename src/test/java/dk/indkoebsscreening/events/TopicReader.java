package dk.indkoebsscreening.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning, as an integrator's consumer would, without a consumer group. */
final class TopicReader implements AutoCloseable {

    /** A record with its CloudEvent decoded from the binary-mode headers. */
    record Received(ConsumerRecord<String, byte[]> record, CloudEvent event) {

        String key() {
            return record.key();
        }

        String header(String name) {
            return new String(record.headers().lastHeader(name).value());
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until everything received so far satisfies {@code done}; fails after the timeout. */
    List<Received> readUntil(Predicate<List<Received>> done, Duration timeout) {
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            if (System.nanoTime() > giveUpAt) {
                throw new AssertionError("Gave up waiting; received " + received.size() + " records: "
                        + received.stream().map(r -> r.key() + " " + r.event().getType()).toList());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(record ->
                    received.add(new Received(record, KafkaMessageFactory.createReader(record).toEvent())));
        }
        return List.copyOf(received);
    }

    /** Everything the topic holds now: polls until the reader has reached the end of every partition. */
    List<Received> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        return readUntil(all -> end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue()), timeout);
    }

    /** The records of one request (the key), in the order the topic holds them. */
    List<Received> ofRequest(String requestId, int expected, Duration timeout) {
        Predicate<Received> ofRequest = r -> requestId.equals(r.key());
        return readUntil(all -> all.stream().filter(ofRequest).count() >= expected, timeout).stream()
                .filter(ofRequest).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
