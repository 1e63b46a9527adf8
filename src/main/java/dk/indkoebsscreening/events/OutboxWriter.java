package dk.indkoebsscreening.events;

import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends lifecycle events to the outbox in the caller's transaction: an event exists exactly when
 * the step it describes committed. The step gives its own time, the one its payload states, and that is the
 * event's {@code ce_time}: a consumer sees one time per step, not the moment the row was written. Callers hold the
 * request's row lock (see {@code RequestLifecycle#lock}), so events of one request get sequence numbers in commit
 * order.
 * After the commit the relay is woken, so the event reaches Kafka without waiting for a poll.
 */
@Component
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final JsonCodec json;
    private final OutboxSignal signal;

    OutboxWriter(JdbcClient jdbc, JsonCodec json, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.signal = signal;
    }

    /** @param at the step's time, the same instant as the payload's time field (docs/events.md, "Time and amounts") */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(UUID requestId, String reference, EventType type, Instant at, Object payload) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_event (id, request_id, type, subject, occurred_at, payload)
                values (:id, :requestId, :type, :subject, :occurredAt, cast(:payload as jsonb))
                """)
                .param("id", eventId)
                .param("requestId", requestId)
                .param("type", type.type())
                .param("subject", reference)
                .param("occurredAt", Sql.timestamp(at))
                .param("payload", json.write(payload))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.committed(eventId);
            }
        });
        return eventId;
    }

    /**
     * An event about a registered system: its id is the record key and the CloudEvents subject (the caller holds the
     * system's row lock, so its events are in commit order).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID appendForSystem(UUID systemId, EventType type, Instant at, Object payload) {
        return append(systemId, systemId.toString(), type, at, payload);
    }
}
