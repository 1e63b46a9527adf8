package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Published events leave the outbox after the retention period, in batches; unpublished ones never do, nor any that
 * was ever set aside as a dead letter.
 */
class OutboxRetentionTest extends ApiTestBase {

    @Autowired
    OutboxRetention retention;

    @Test
    void deletesOnlyEventsPublishedBeforeTheCutoffInBatches() {
        Instant now = Instant.now();
        UUID request = UUID.randomUUID();
        int expired = OutboxRetention.BATCH_SIZE + 3;
        jdbc.sql("""
                        insert into outbox_event (id, request_id, type, subject, occurred_at, payload, published_at)
                        select gen_random_uuid(), ?, ?, 'IND-2025-0001', ?, '{}'::jsonb, ? from generate_series(1, ?)
                        """)
                .params(request, EventType.REQUEST_SUBMITTED.type(), Timestamp.from(now.minus(Duration.ofDays(40))),
                        Timestamp.from(now.minus(Duration.ofDays(31))), expired)
                .update();
        UUID recent = insert(request, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        // The relay may publish it meanwhile (then it was published now): kept either way.
        UUID unpublished = insert(request, now.minus(Duration.ofDays(40)), null);
        // Set aside once, corrected by an administrator and published long ago: its record of that stays.
        UUID onceSetAside = insert(request, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(39)));
        jdbc.sql("update outbox_event set dead_lettered_times = 1, original_payload = payload, payload_changed_by = 'admin' where id = ?")
                .param(onceSetAside).update();

        int deleted = retention.deletePublishedBefore(now.minus(Duration.ofDays(30)));

        assertThat(deleted).isEqualTo(expired);
        assertThat(jdbc.sql("select id from outbox_event where request_id = ?").param(request).query(UUID.class).list())
                .containsExactlyInAnyOrder(recent, unpublished, onceSetAside);
    }

    @Test
    void deletesEveryMunicipalitysPublishedEvents() {
        Instant now = Instant.now();
        UUID request = UUID.randomUUID();
        UUID expired = Tenancy.callAs("test-retention-oestby",
                () -> insert(request, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(31))));

        retention.deletePublishedBefore(now.minus(Duration.ofDays(30)));

        assertThat(Tenancy.callAcross(() -> jdbc.sql("select count(*) from outbox_event where id = ?").param(expired)
                .query(Integer.class).single())).isZero();
    }

    private UUID insert(UUID request, Instant occurredAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_event (id, request_id, type, subject, occurred_at, payload, published_at)
                        values (?, ?, ?, 'IND-2025-0001', ?, '{}'::jsonb, ?)
                        """)
                .params(id, request, EventType.REQUEST_SUBMITTED.type(), Timestamp.from(occurredAt),
                        publishedAt == null ? null : Timestamp.from(publishedAt))
                .update();
        return id;
    }
}
