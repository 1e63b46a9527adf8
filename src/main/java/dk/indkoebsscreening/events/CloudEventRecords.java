package dk.indkoebsscreening.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * Turns an outbox event into CloudEvents 1.0 Kafka records in binary mode: the attributes travel as
 * {@code ce_*} headers, the value is the JSON payload itself, the key is the request id. Every event
 * goes to the lifecycle topic; decisions go to the decisions topic as well, as the same event (same
 * id), so a consumer that only needs decisions reads a small topic.
 */
@Component
class CloudEventRecords {

    static final String CONTENT_TYPE = "application/json";

    private final EventsProperties properties;

    CloudEventRecords(EventsProperties properties) {
        this.properties = properties;
    }

    /** Throws IllegalArgumentException for a type this version does not know: such an event is no record at all. */
    List<ProducerRecord<String, byte[]>> recordsFor(OutboxEvent event) {
        EventType type = EventType.fromType(event.type());
        CloudEvent cloudEvent = toCloudEvent(event, type);
        return topicsFor(type).stream()
                .map(topic -> KafkaMessageFactory.createWriter(topic, event.requestId().toString()).writeBinary(cloudEvent))
                .toList();
    }

    private List<String> topicsFor(EventType type) {
        return switch (type) {
            case DECISION_MADE -> List.of(properties.topics().lifecycle(), properties.topics().decisions());
            default -> List.of(properties.topics().lifecycle());
        };
    }

    private CloudEvent toCloudEvent(OutboxEvent event, EventType type) {
        return CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(type.type())
                .withSource(properties.source())
                .withSubject(event.subject())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withDataSchema(type.dataSchema())
                .withData(event.payload().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
