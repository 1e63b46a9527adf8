package dk.indkoebsscreening.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The JSON Schemas of the event payloads, as shipped in {@code src/main/resources/schemas}. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            schemas.put(type, factory.getSchema(read(type), config));
        }
    }

    static JsonNode read(EventType type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new AssertionError("No schema " + type.schemaResource());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation problems of a payload (as the outbox keeps it) against the schema of its type; empty when valid. */
    public Set<ValidationMessage> problems(String type, String payload) {
        try {
            return schemas.get(EventType.fromType(type)).validate(JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation problems of the event's data against the schema of its type; empty when valid. */
    Set<ValidationMessage> problems(CloudEvent event) {
        try {
            JsonNode data = JSON.readTree(event.getData().toBytes());
            return schemas.get(EventType.fromType(event.getType())).validate(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
