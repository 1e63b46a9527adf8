package dk.indkoebsscreening.events;

import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.Sql;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends lifecycle events to the outbox in the caller's transaction: an event exists exactly when
 * the step it describes committed. Callers hold the request's row lock (see
 * {@code RequestLifecycle#lock}), so events of one request get sequence numbers in commit order.
 * After the commit the relay is woken, so the event reaches Kafka without waiting for a poll.
 */
@Component
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final JsonCodec json;
    private final Clock clock;
    private final OutboxSignal signal;

    OutboxWriter(JdbcClient jdbc, JsonCodec json, Clock clock, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.signal = signal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(UUID requestId, String reference, EventType type, Object payload) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_event (id, request_id, type, subject, occurred_at, payload)
                values (:id, :requestId, :type, :subject, :occurredAt, cast(:payload as jsonb))
                """)
                .param("id", eventId)
                .param("requestId", requestId)
                .param("type", type.type())
                .param("subject", reference)
                .param("occurredAt", Sql.timestamp(clock.instant()))
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
}
