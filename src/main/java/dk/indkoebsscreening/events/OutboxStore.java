package dk.indkoebsscreening.events;

import dk.indkoebsscreening.system.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    /**
     * The oldest events that may go now: unpublished, not set aside, and with no event of their request set aside
     * before them (they wait behind it, so that a consumer never sees a request's later state without the earlier).
     * The wait test probes outbox_event_dead_letter_idx, which holds only the events set aside.
     */
    List<OutboxEvent> oldestUnpublished(int limit) {
        return jdbc.sql("""
                        select seq, id, request_id, type, subject, occurred_at, payload::text as payload, tenant_id
                        from outbox_event e
                        where e.published_at is null and e.dead_lettered_at is null
                          and not exists (select 1 from outbox_event d
                                          where d.dead_lettered_at is not null and d.request_id = e.request_id and d.seq < e.seq)
                        order by e.seq limit ?
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
     * order by names its columns): the cost does not grow with the backlog. A request whose first waiting event is set
     * aside has no event here: the dead letter is left out, and the events behind it are no head.
     */
    List<OutboxEvent> firstWaitingAmongNewest(long afterSeq, int limit) {
        return jdbc.sql("""
                        select seq, id, request_id, type, subject, occurred_at, payload::text as payload, tenant_id
                        from outbox_event e
                        where e.seq > greatest(:afterSeq, (select coalesce(max(seq), 0) - :window from outbox_event))
                          and e.published_at is null and e.dead_lettered_at is null
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
                rs.getObject("request_id", UUID.class), rs.getString("type"),
                rs.getString("subject"), Sql.instant(rs, "occurred_at"), rs.getString("payload"), rs.getString("tenant_id"));
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

    /**
     * Sets an event aside that the broker refuses for good: it stays unpublished, and the relay reads neither it nor
     * the later events of its request until an administrator re-sends it.
     */
    void setAside(long seq, String reason, Instant at) {
        jdbc.sql("""
                        update outbox_event
                        set dead_lettered_at = :at, dead_letter_reason = :reason, dead_lettered_times = dead_lettered_times + 1
                        where seq = :seq
                        """)
                .param("at", Sql.timestamp(at))
                .param("reason", reason)
                .param("seq", seq)
                .update();
    }

    /** How many unpublished events of the request come after this one: those that wait while it is set aside. */
    long waitingBehind(UUID requestId, long seq) {
        return jdbc.sql("select count(*) from outbox_event where request_id = ? and seq > ? and published_at is null")
                .params(requestId, seq)
                .query(Long.class)
                .single();
    }

    /** The events set aside now, the oldest first, at most {@code limit}. */
    List<DeadLetter> deadLetters(int limit) {
        return jdbc.sql(DEAD_LETTERS + " where e.dead_lettered_at is not null order by e.seq limit ?")
                .param(limit)
                .query(OutboxStore::deadLetter)
                .list();
    }

    long deadLetterCount() {
        return jdbc.sql("select count(*) from outbox_event where dead_lettered_at is not null").query(Long.class).single();
    }

    /** An event that is or was set aside (re-sent since, it is shown as such); empty for any other. */
    Optional<DeadLetter> deadLetter(UUID eventId) {
        return jdbc.sql(DEAD_LETTERS + " where e.id = ? and e.dead_lettered_times > 0")
                .param(eventId)
                .query(OutboxStore::deadLetter)
                .optional();
    }

    /**
     * The payload of an event that is or was set aside and, once replaced, the payload the step wrote; JSON text as
     * the relay sends it. Empty for any other event: the administrators' tools are for dead letters.
     */
    Optional<Payloads> payloads(UUID eventId) {
        return jdbc.sql("""
                        select payload::text as payload, original_payload::text as original
                        from outbox_event where id = ? and dead_lettered_times > 0
                        """)
                .param(eventId)
                .query((rs, row) -> new Payloads(rs.getString("payload"), rs.getString("original")))
                .optional();
    }

    /** Back into the queue, if it is still set aside (false otherwise); the relay sets it aside again if it is refused again. */
    boolean resend(UUID eventId, String by, Instant at) {
        return jdbc.sql("""
                        update outbox_event set dead_lettered_at = null, resent_by = :by, resent_at = :at
                        where id = :id and dead_lettered_at is not null
                        """)
                .param("id", eventId)
                .param("by", by)
                .param("at", Sql.timestamp(at))
                .update() == 1;
    }

    /**
     * Replaces the payload of an event set aside and puts it back into the queue, keeping the payload the step wrote
     * (the first replacement keeps it; a later one keeps it still). False if it is not set aside (anymore).
     */
    boolean replacePayloadAndResend(UUID eventId, String payload, String by, Instant at) {
        return jdbc.sql("""
                        update outbox_event
                        set original_payload = coalesce(original_payload, payload), payload = cast(:payload as jsonb),
                            payload_changed_by = :by, payload_changed_at = :at,
                            dead_lettered_at = null, resent_by = :by, resent_at = :at
                        where id = :id and dead_lettered_at is not null
                        """)
                .param("id", eventId)
                .param("payload", payload)
                .param("by", by)
                .param("at", Sql.timestamp(at))
                .update() == 1;
    }

    /** The JSON text as the outbox keeps it (jsonb's own spacing and key order): what the relay would send. */
    String asStored(String json) {
        return jdbc.sql("select cast(? as jsonb)::text").param(json).query(String.class).single();
    }

    private static final String DEAD_LETTERS = """
            select e.id, e.request_id, e.type, e.subject, e.occurred_at, e.dead_lettered_at, e.dead_letter_reason,
                   e.dead_lettered_times, octet_length(e.payload::text) as payload_bytes, e.payload_changed_by,
                   e.payload_changed_at, e.resent_by, e.resent_at, e.published_at, e.tenant_id,
                   (select count(*) from outbox_event w
                    where w.request_id = e.request_id and w.seq > e.seq and w.published_at is null) as waiting_behind
            from outbox_event e
            """;

    private static DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                rs.getString("type"), rs.getString("subject"), Sql.instant(rs, "occurred_at"),
                Sql.instant(rs, "dead_lettered_at"), rs.getString("dead_letter_reason"), rs.getInt("dead_lettered_times"),
                rs.getLong("payload_bytes"), rs.getLong("waiting_behind"), rs.getString("payload_changed_by"),
                Sql.instant(rs, "payload_changed_at"), rs.getString("resent_by"), Sql.instant(rs, "resent_at"),
                Sql.instant(rs, "published_at"), rs.getString("tenant_id"));
    }

    record Payloads(String current, String original) {
    }

    /**
     * Deletes up to {@code limit} events that were published before the cutoff, oldest first; never an unpublished
     * one, and never one that was ever set aside (its original payload and who changed it stay on record).
     */
    int deletePublishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        delete from outbox_event where seq in
                            (select seq from outbox_event where published_at < ? and dead_lettered_times = 0 order by seq limit ?)
                        """)
                .param(Sql.timestamp(cutoff))
                .param(limit)
                .update();
    }

    /**
     * Unpublished events and the oldest one's time (null when there are none); not the events set aside, which
     * {@link #deadLetterCount()} counts (those waiting behind them are counted: they wait).
     */
    Backlog backlog() {
        return jdbc.sql("""
                        select count(*) as size, min(occurred_at) as oldest
                        from outbox_event where published_at is null and dead_lettered_at is null
                        """)
                .query((rs, row) -> new Backlog(rs.getLong("size"), Sql.instant(rs, "oldest")))
                .single();
    }

    record Backlog(long size, Instant oldest) {

        Duration oldestAge(Instant now) {
            return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
        }
    }
}
