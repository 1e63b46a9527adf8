package dk.indkoebsscreening.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.NotFoundException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What administrators do with the events the relay set aside (dead letters): see them, re-send one as it is (if the
 * broker refuses it again, it is set aside again), or replace its payload and re-send it. A replacement must be a JSON
 * object that meets its type's schema and, as the record the relay would send, fits the producer's limit; the payload
 * the step wrote is kept, with who replaced it and when. Either way the relay is woken after the commit, and the events
 * of the request that waited behind it follow it in commit order.
 */
@Service
class DeadLetters {

    /** A page and an answer of reasonable size; health and the gauge count them all. */
    static final int LISTED = 200;
    static final String PAYLOAD = "payload";

    private final OutboxStore store;
    private final PayloadSchemas schemas;
    private final CloudEventRecords records;
    private final RecordSizeLimit sizeLimit;
    private final OutboxSignal signal;
    private final ObjectMapper objectMapper;
    private final JsonCodec json;
    private final Clock clock;

    DeadLetters(OutboxStore store, PayloadSchemas schemas, CloudEventRecords records, RecordSizeLimit sizeLimit,
                OutboxSignal signal, ObjectMapper objectMapper, JsonCodec json, Clock clock) {
        this.store = store;
        this.schemas = schemas;
        this.records = records;
        this.sizeLimit = sizeLimit;
        this.signal = signal;
        this.objectMapper = objectMapper;
        this.json = json;
        this.clock = clock;
    }

    List<DeadLetter> setAside() {
        return store.deadLetters(LISTED);
    }

    long count() {
        return store.deadLetterCount();
    }

    int maxRecordBytes() {
        return sizeLimit.maxBytes();
    }

    /** An event that is or was set aside (one re-sent since is shown as such); 404 for any other. */
    DeadLetter find(UUID eventId) {
        return store.deadLetter(eventId).orElseThrow(() -> notADeadLetter(eventId));
    }

    OutboxStore.Payloads payloads(UUID eventId) {
        return store.payloads(eventId).orElseThrow(() -> notADeadLetter(eventId));
    }

    private static NotFoundException notADeadLetter(UUID eventId) {
        return new NotFoundException("No outbox event " + eventId + " was ever set aside");
    }

    @Transactional
    void resend(UUID eventId, String administrator) {
        find(eventId);
        if (!store.resend(eventId, administrator, clock.instant())) {
            throw notSetAside(eventId);
        }
        wakeRelayAfterCommit();
    }

    /** The page's text field: JSON, strictly read (a duplicate key is an error, not a choice). */
    JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(PAYLOAD, "deadLetter.payload.required");
        }
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of(PAYLOAD, "deadLetter.payload.notJson", e.getOriginalMessage());
        }
    }

    /** Checks everything before it changes anything: a refused correction leaves the event as it was. */
    @Transactional
    void replacePayloadAndResend(UUID eventId, JsonNode payload, String administrator) {
        DeadLetter deadLetter = find(eventId);
        if (deadLetter.deadLetteredAt() == null) {
            throw notSetAside(eventId);
        }
        if (payload == null || !payload.isObject()) {
            throw InvalidInputException.of(PAYLOAD, "deadLetter.payload.notAnObject");
        }
        EventType type = knownType(deadLetter);
        InvalidInputException.throwIfAny(schemaProblems(type, payload, LocaleContextHolder.getLocale()));
        String stored = store.asStored(json.write(payload));
        int size = recordSize(deadLetter, stored);
        if (size > sizeLimit.maxBytes()) {
            throw InvalidInputException.of(PAYLOAD, "deadLetter.payload.tooLarge", size, sizeLimit.maxBytes());
        }
        if (!store.replacePayloadAndResend(eventId, stored, administrator, clock.instant())) {
            throw notSetAside(eventId);
        }
        wakeRelayAfterCommit();
    }

    private static EventType knownType(DeadLetter deadLetter) {
        try {
            return EventType.fromType(deadLetter.type());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(PAYLOAD, "deadLetter.payload.unknownType", deadLetter.type());
        }
    }

    /** One problem per place in the payload, named as the API names fields: payload.attachments[3].sha256. */
    private List<FieldProblem> schemaProblems(EventType type, JsonNode payload, Locale locale) {
        return schemas.problems(type, payload, locale).stream()
                .map(problem -> new FieldProblem(fieldOf(problem), "deadLetter.payload.schema", problem.getError()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private static String fieldOf(ValidationMessage problem) {
        StringBuilder field = new StringBuilder(PAYLOAD);
        JsonNodePath place = problem.getInstanceLocation();
        for (int i = 0; i < place.getNameCount(); i++) {
            Object element = place.getElement(i);
            field.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        if ("required".equals(problem.getType()) && problem.getProperty() != null) {
            field.append('.').append(problem.getProperty());
        }
        return field.toString();
    }

    /** The largest of the event's records (decisions go to two topics) as the relay would build and measure it. */
    private int recordSize(DeadLetter deadLetter, String payload) {
        OutboxEvent candidate = new OutboxEvent(0, deadLetter.id(), deadLetter.requestId(), deadLetter.type(),
                deadLetter.reference(), deadLetter.occurredAt(), payload, deadLetter.municipality());
        return records.recordsFor(candidate).stream().mapToInt(sizeLimit::sizeOf).max().orElse(0);
    }

    private static ConflictException notSetAside(UUID eventId) {
        return new ConflictException("Outbox event " + eventId + " is not set aside", "conflict.notSetAside");
    }

    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wakeUp();
            }
        });
    }
}
