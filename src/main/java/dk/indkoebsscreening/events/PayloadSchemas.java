package dk.indkoebsscreening.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The JSON Schemas of the event payloads as shipped in {@code src/main/resources/docs/schemas} (the contract), formats
 * asserted: an administrator's correction of an event set aside must meet its type's schema like every event. Draft-07,
 * the newest draft the AsyncAPI tools read, so the AsyncAPI document refers to these very files.
 */
@Component
class PayloadSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    PayloadSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            schemas.put(type, factory.getSchema(read(type), config));
        }
    }

    /** The schema document of a type, as shipped. */
    static JsonNode read(EventType type) {
        try (InputStream in = PayloadSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema " + type.schemaResource());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the payload breaks of its type's schema, said in the language given; empty when it is valid. */
    Set<ValidationMessage> problems(EventType type, JsonNode payload, Locale locale) {
        return schemas.get(type).validate(payload, context -> context.getExecutionConfig().setLocale(locale));
    }
}
