package dk.indkoebsscreening.request;

import dk.indkoebsscreening.deadline.Deadline;
import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.ScreeningDeadline;
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
 * same day lasts none, one asked on a Friday and answered on Monday one. When the period ends and the policy pauses the
 * week ({@link WaitPolicy}), the screening deadline moves by that many working days: the request's, the process's
 * timers and its open tasks' due dates; the history says so and {@code deadline.changed} announces it. Otherwise the
 * history still says how long the request waited.
 */
@Service
public class RequesterWaits {

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final DeadlineProperties deadlines;
    private final WaitPolicy policy;
    private final RequestRepository requests;
    private final DeadlineCalculator calculator;
    private final ScreeningDeadline engine;
    private final CaseHistory history;
    private final OutboxWriter outbox;

    RequesterWaits(JdbcClient jdbc, WorkingDayCalendar calendar, DeadlineProperties deadlines, WaitPolicy policy,
                   RequestRepository requests, DeadlineCalculator calculator, ScreeningDeadline engine, CaseHistory history,
                   OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.policy = policy;
        this.requests = requests;
        this.calculator = calculator;
        this.engine = engine;
        this.history = history;
        this.outbox = outbox;
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
        boolean moves = policy.pauseWhileWaitingForRequester() && workingDays > 0;
        jdbc.sql("update requester_wait set open_waits = 0, ended_at = ?, working_days = ?, deadline_moved = ? where id = ?")
                .params(Sql.timestamp(at), workingDays, moves, open.id())
                .update();
        if (moves) {
            moveDeadline(requestId, workingDays, at);
        } else {
            history.record(requestId, HistoryKind.REQUESTER_WAITED, null, null, String.valueOf(workingDays), null);
        }
    }

    /**
     * The request closed (decided or withdrawn) while it still waited for its requester: the open period ends, counted
     * but without moving the deadline, which no longer binds anyone; nobody will answer it any more.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void requestClosed(UUID requestId, Instant at) {
        jdbc.sql("select id, started_at from requester_wait where request_id = ? and ended_at is null")
                .param(requestId)
                .query((rs, row) -> new Open(rs.getObject("id", UUID.class), Sql.instant(rs, "started_at"), 0))
                .optional()
                .ifPresent(open -> jdbc.sql("update requester_wait set open_waits = 0, ended_at = ?, working_days = ?, deadline_moved = false where id = ?")
                        .params(Sql.timestamp(at), workingDays(open.startedAt(), at), open.id())
                        .update());
    }

    private void moveDeadline(UUID requestId, int workingDays, Instant at) {
        PurchaseRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
        Deadline moved = calculator.movedBy(request.deadline(), workingDays);
        requests.moveDeadline(requestId, moved.dueAt());
        if (request.processInstanceId() != null) {
            engine.move(request.processInstanceId(), request.deadline(), moved.dueAt(), moved.remindAt());
        }
        history.record(requestId, HistoryKind.DEADLINE_MOVED, null, null, String.valueOf(workingDays), moved.dueAt().toString());
        outbox.append(requestId, request.reference(), EventType.DEADLINE_CHANGED, at, new DeadlineChanged(requestId,
                request.reference(), request.deadline(), moved.dueAt(), DeadlineChange.REQUESTER_WAITED, workingDays, at));
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

    /** Why a deadline moved; the only cause so far, named so that a consumer can tell a later one apart. */
    enum DeadlineChange {
        REQUESTER_WAITED
    }

    /** deadline.changed.v1 */
    record DeadlineChanged(UUID requestId, String reference, Instant previousDeadline, Instant deadline,
                           DeadlineChange reason, int workingDays, Instant changedAt) {
    }

    private record Open(UUID id, Instant startedAt, int waits) {
    }
}
