package dk.indkoebsscreening.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON Schemas of the event payloads, as shipped in {@code src/main/resources/docs/schemas}, for events as tests
 * receive them. Every payload found valid is also kept in {@code target/event-samples/<schema file>/}, so that
 * {@code .ci/run} can check the same real payloads with ajv, a validator nobody here wrote.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("target", "event-samples");

    private final PayloadSchemas schemas = new PayloadSchemas();

    static JsonNode read(EventType type) {
        return PayloadSchemas.read(type);
    }

    /** Validation problems of a payload (as the outbox keeps it) against the schema of its type; empty when valid. */
    public Set<ValidationMessage> problems(String type, String payload) {
        try {
            return keptIfValid(EventType.fromType(type), payload.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation problems of the event's data against the schema of its type; empty when valid. */
    Set<ValidationMessage> problems(CloudEvent event) {
        try {
            return keptIfValid(EventType.fromType(event.getType()), event.getData().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample is the payload's bytes as sent: parsed and written again, {@code 95000.00} would become {@code 95000.0}. */
    private Set<ValidationMessage> keptIfValid(EventType type, byte[] payload) throws IOException {
        Set<ValidationMessage> problems = schemas.problems(type, JSON.readTree(payload), Locale.ROOT);
        if (problems.isEmpty()) {
            Path folder = SAMPLES.resolve(Path.of(type.schemaResource()).getFileName().toString());
            Files.createDirectories(folder);
            Files.write(folder.resolve(UUID.randomUUID() + ".json"), payload);
        }
        return problems;
    }
}
