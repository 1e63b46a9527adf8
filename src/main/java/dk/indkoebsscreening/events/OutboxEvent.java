package dk.indkoebsscreening.events;

import java.time.Instant;
import java.util.UUID;

/** An outbox row as the relay reads it; {@code payload} is the JSON text. */
record OutboxEvent(long seq, UUID id, UUID requestId, EventType type, String subject, Instant occurredAt,
                   String payload) {
}
