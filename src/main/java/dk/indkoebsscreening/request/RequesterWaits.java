package dk.indkoebsscreening.request;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The times a request waits for its requester: a question from triage or from a screening, from when it is asked
 * until it is answered. Callers tell both ends in their own step's transaction, with the request locked
 * ({@link RequestLifecycle#lock}). Waits that overlap count once: they share one period, which ends with the last of
 * them. A period lasts the working days from the day after it began up to the day it ended: a question answered the
 * same day lasts none, one asked on a Friday and answered on Monday one.
 */
@Service
public class RequesterWaits {

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final DeadlineProperties deadlines;
    private final WaitPolicy policy;

    RequesterWaits(JdbcClient jdbc, WorkingDayCalendar calendar, DeadlineProperties deadlines, WaitPolicy policy) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.policy = policy;
    }

    /** The request starts waiting for its requester; a wait already open for it takes this one in. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void waitStarted(UUID requestId, Instant at) {
        int joined = jdbc.sql("update requester_wait set open_waits = open_waits + 1 where request_id = ? and ended_at is null")
                .param(requestId)
                .update();
        if (joined == 0) {
            jdbc.sql("insert into requester_wait (id, request_id, started_at, open_waits) values (?, ?, ?, 1)")
                    .params(UUID.randomUUID(), requestId, Sql.timestamp(at))
                    .update();
        }
    }

    /**
     * One wait of the request ends; when it was the last one open, the period ends and is counted.
     *
     * @throws IllegalStateException the request is not waiting for its requester
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void waitEnded(UUID requestId, Instant at) {
        Open open = jdbc.sql("select id, started_at, open_waits from requester_wait where request_id = ? and ended_at is null")
                .param(requestId)
                .query((rs, row) -> new Open(rs.getObject("id", UUID.class), Sql.instant(rs, "started_at"), rs.getInt("open_waits")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Request " + requestId + " is not waiting for its requester"));
        if (open.waits() > 1) {
            jdbc.sql("update requester_wait set open_waits = open_waits - 1 where id = ?").param(open.id()).update();
            return;
        }
        int workingDays = workingDays(open.startedAt(), at);
        jdbc.sql("update requester_wait set open_waits = 0, ended_at = ?, working_days = ?, deadline_moved = ? where id = ?")
                .params(Sql.timestamp(at), workingDays, policy.pauseWhileWaitingForRequester(), open.id())
                .update();
    }

    /** The request's periods of waiting, oldest first; an open one has no end and no working days yet. */
    public List<Wait> of(UUID requestId) {
        return jdbc.sql("select started_at, ended_at, working_days, deadline_moved from requester_wait where request_id = ? order by started_at")
                .param(requestId)
                .query((rs, row) -> new Wait(Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at"),
                        (Integer) rs.getObject("working_days"), (Boolean) rs.getObject("deadline_moved")))
                .list();
    }

    /** Whether the request waits for its requester now. */
    public boolean waiting(UUID requestId) {
        return jdbc.sql("select count(*) from requester_wait where request_id = ? and ended_at is null")
                .param(requestId)
                .query(Integer.class)
                .single() > 0;
    }

    int workingDays(Instant from, Instant to) {
        return calendar.workingDaysBetween(from.atZone(deadlines.zone()).toLocalDate(), to.atZone(deadlines.zone()).toLocalDate());
    }

    /**
     * A period of waiting for the requester.
     *
     * @param workingDays   how long it lasted, once it ended
     * @param deadlineMoved whether the deadline moved by that much (the policy when it ended)
     */
    public record Wait(Instant startedAt, Instant endedAt, Integer workingDays, Boolean deadlineMoved) {
    }

    private record Open(UUID id, Instant startedAt, int waits) {
    }
}
