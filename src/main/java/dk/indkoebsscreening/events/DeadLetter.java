package dk.indkoebsscreening.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox event as the administrators see a dead letter: what it is, since when and why it is set aside, how many
 * times it was, how large its payload is and how many later events of its request wait behind it, and who changed or
 * re-sent it. {@code deadLetteredAt} is null once it was re-sent. The payload itself is not here: health and the list
 * must not carry it.
 *
 * @param type          the CloudEvents type as stored (possibly one this version does not know)
 * @param reference     the request's reference, the event's subject
 * @param reason        the last refusal: exception class and message
 * @param payloadBytes  the payload's size as the relay sends it (UTF-8 JSON)
 * @param waitingBehind unpublished later events of the same request
 */
record DeadLetter(UUID id, UUID requestId, String type, String reference, Instant occurredAt, Instant deadLetteredAt,
                  String reason, int timesSetAside, long payloadBytes, long waitingBehind, String payloadChangedBy,
                  Instant payloadChangedAt, String resentBy, Instant resentAt, Instant publishedAt, String municipality) {
}
