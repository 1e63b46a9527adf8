package dk.indkoebsscreening.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer's limit on one record ({@code max.request.size}, Kafka's default 1 MiB) and a record's size as the
 * producer counts it before sending: key, value and headers with the record batch's overhead. The producer refuses a
 * larger record on every try, so the relay sets such an event aside without sending it, and an administrator's
 * correction must fit.
 */
final class RecordSizeLimit {

    private final int maxBytes;
    private final CompressionType compression;

    RecordSizeLimit(int maxBytes, CompressionType compression) {
        this.maxBytes = maxBytes;
        this.compression = compression;
    }

    /** The limit the relay's producer works with: its {@code max.request.size} and compression, defaults included. */
    static RecordSizeLimit of(Map<String, Object> producerConfig) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerConfig parsed = new ProducerConfig(config);
        return new RecordSizeLimit(parsed.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                CompressionType.forName(parsed.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG)));
    }

    int maxBytes() {
        return maxBytes;
    }

    /** As KafkaProducer#doSend estimates it (an upper bound; compression is not counted as a saving). */
    int sizeOf(ProducerRecord<String, byte[]> record) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, compression, key,
                record.value(), record.headers().toArray());
    }

    /** The producer's own refusal of this record, in its words, or null when the record fits. */
    RecordTooLargeException refusalOf(ProducerRecord<String, byte[]> record) {
        int size = sizeOf(record);
        return size <= maxBytes ? null : new RecordTooLargeException("The message is " + size
                + " bytes when serialized which is larger than " + maxBytes + ", which is the value of the "
                + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + " configuration.");
    }
}
