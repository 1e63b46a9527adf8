package dk.indkoebsscreening.events;

import dk.indkoebsscreening.system.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The relay's view of the outbox table. */
@Repository
class OutboxStore {

    /**
     * Key of the PostgreSQL advisory lock that makes one instance at a time the relay. Any constant
     * works as long as nothing else uses it; this one spells "OUTBOX" in ASCII.
     */
    static final long RELAY_LEASE_KEY = 0x4F5554424F58L;

    /** How many of the newest events {@link #firstWaitingAmongNewest} considers beside a backlog. */
    static final int FRESH_WINDOW = 1000;

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the relay lease for the rest of the current transaction, or answers false at once when
     * another instance holds it. The lock ends with the transaction, so a crashed relay's lease ends
     * with its connection.
     */
    boolean tryTakeRelayLease() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(RELAY_LEASE_KEY)
                .query(Boolean.class)
                .single());
    }

    List<OutboxEvent> oldestUnpublished(int limit) {
        return jdbc.sql("""
                        select seq, id, request_id, type, subject, occurred_at, payload::text as payload
                        from outbox_event where published_at is null order by seq limit ?
                        """)
                .param(limit)
                .query(OutboxStore::event)
                .list();
    }

    /**
     * Beside a backlog (after a Kafka outage): among the newest {@value #FRESH_WINDOW} events, those after
     * {@code afterSeq} that are the first waiting event of their request (nothing older of the request is
     * unpublished), oldest first, at most {@code limit}: so a step taken during the drain is published within a
     * round or two rather than after the whole backlog, one event of a request per round, and a request's order
     * stays its commit order. The head test looks each candidate's request up in outbox_event_request_idx (the
     * order by names its columns): the cost does not grow with the backlog.
     */
    List<OutboxEvent> firstWaitingAmongNewest(long afterSeq, int limit) {
        return jdbc.sql("""
                        select seq, id, request_id, type, subject, occurred_at, payload::text as payload
                        from outbox_event e
                        where e.seq > greatest(:afterSeq, (select coalesce(max(seq), 0) - :window from outbox_event))
                          and e.published_at is null
                          and e.seq = (select older.seq from outbox_event older
                                       where older.request_id = e.request_id and older.published_at is null
                                       order by older.request_id, older.seq limit 1)
                        order by e.seq limit :limit
                        """)
                .param("afterSeq", afterSeq)
                .param("window", FRESH_WINDOW)
                .param("limit", limit)
                .query(OutboxStore::event)
                .list();
    }

    private static OutboxEvent event(ResultSet rs, int row) throws SQLException {
        return new OutboxEvent(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class), EventType.fromType(rs.getString("type")),
                rs.getString("subject"), Sql.instant(rs, "occurred_at"), rs.getString("payload"));
    }

    /**
     * Refreshes the planner's statistics of the outbox. After a sudden backlog they still say that hardly any event
     * is unpublished, and until autovacuum notices (up to a minute) the planner picks plans for
     * {@link #firstWaitingAmongNewest}
     * (outbox_event_unpublished_idx, believed nearly empty, scanned once per event of the window) that cost seconds per
     * round instead of milliseconds (bench/faults/outbox-drain.sh).
     */
    void refreshStatistics() {
        jdbc.sql("analyze outbox_event").update();
    }

    void markPublished(Collection<Long> seqs, Instant publishedAt) {
        if (seqs.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_event set published_at = :publishedAt where seq in (:seqs)")
                .param("publishedAt", Sql.timestamp(publishedAt))
                .param("seqs", seqs)
                .update();
    }

    /** Deletes up to {@code limit} events that were published before the cutoff, oldest first; never an unpublished one. */
    int deletePublishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        delete from outbox_event where seq in
                            (select seq from outbox_event where published_at < ? order by seq limit ?)
                        """)
                .param(Sql.timestamp(cutoff))
                .param(limit)
                .update();
    }

    /** Unpublished events and the oldest one's time (null when there are none). */
    Backlog backlog() {
        return jdbc.sql("select count(*) as size, min(occurred_at) as oldest from outbox_event where published_at is null")
                .query((rs, row) -> new Backlog(rs.getLong("size"), Sql.instant(rs, "oldest")))
                .single();
    }

    record Backlog(long size, Instant oldest) {

        Duration oldestAge(Instant now) {
            return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
        }
    }
}
