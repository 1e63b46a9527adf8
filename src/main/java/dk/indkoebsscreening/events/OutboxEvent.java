package dk.indkoebsscreening.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as the relay reads it. {@code type} is the CloudEvents type as stored, which may be one this version
 * does not know (the relay sets such an event aside rather than fail on it); {@code payload} is the JSON text.
 */
record OutboxEvent(long seq, UUID id, UUID requestId, String type, String subject, Instant occurredAt, String payload,
                   String municipality) {
}
