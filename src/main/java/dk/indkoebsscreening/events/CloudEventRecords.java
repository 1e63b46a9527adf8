package dk.indkoebsscreening.events;

import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
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
 * id), so a consumer that only needs decisions reads a small topic. The {@code source} is the event's municipality's
 * (its settings) and the extension attribute {@value #MUNICIPALITY} (header {@code ce_municipality}) its id, so that a
 * consumer serving one municipality keeps its events by a header without reading the payload. The event's municipality
 * is the one the relay acts for while it turns the event into records ({@link Municipalities#current()}).
 */
@Component
class CloudEventRecords {

    static final String CONTENT_TYPE = "application/json";
    /** The CloudEvents extension attribute naming the event's municipality by its id. */
    static final String MUNICIPALITY = "municipality";

    private final EventsProperties properties;
    private final Municipalities municipalities;

    CloudEventRecords(EventsProperties properties, Municipalities municipalities) {
        this.properties = properties;
        this.municipalities = municipalities;
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
        Municipality municipality = municipalities.byId(event.municipality());
        return CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(type.type())
                .withSource(municipality.eventsSource())
                .withExtension(MUNICIPALITY, municipality.id())
                .withSubject(event.subject())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withDataSchema(type.dataSchema())
                .withData(event.payload().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
