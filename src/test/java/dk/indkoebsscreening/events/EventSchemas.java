package dk.indkoebsscreening.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/** The JSON Schemas of the event payloads, as shipped in {@code src/main/resources/docs/schemas}, for events as tests receive them. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PayloadSchemas schemas = new PayloadSchemas();

    static JsonNode read(EventType type) {
        return PayloadSchemas.read(type);
    }

    /** Validation problems of a payload (as the outbox keeps it) against the schema of its type; empty when valid. */
    public Set<ValidationMessage> problems(String type, String payload) {
        try {
            return schemas.problems(EventType.fromType(type), JSON.readTree(payload), Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation problems of the event's data against the schema of its type; empty when valid. */
    Set<ValidationMessage> problems(CloudEvent event) {
        try {
            return schemas.problems(EventType.fromType(event.getType()), JSON.readTree(event.getData().toBytes()), Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
