package dk.indkoebsscreening.withdrawal;

import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineCommand;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.Transition;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawing a request: only its requester, only while it is not decided. The step is the model's: the message
 * starts the interrupting event sub-process, which ends every task and timer and records the withdrawal through
 * {@link RecordWithdrawalDelegate}, all in this transaction.
 */
@Service
public class WithdrawalService {

    private final RequestLifecycle lifecycle;
    private final RuntimeService runtime;
    private final EngineTasks tasks;
    private final ScreeningService screening;
    private final OutboxWriter outbox;
    private final CaseHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EngineCommand engine;
    private final Requests requests;

    WithdrawalService(RequestLifecycle lifecycle, RuntimeService runtime, EngineTasks tasks, ScreeningService screening,
                      OutboxWriter outbox, CaseHistory history, ApplicationEventPublisher events, Clock clock,
                      EngineCommand engine, Requests requests) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.tasks = tasks;
        this.screening = screening;
        this.outbox = outbox;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.engine = engine;
    }

    /**
     * @throws RequestNotFoundException the request does not exist, or the user may not read it (nobody learns which)
     * @throws AccessDeniedException    the user reads it (the expert group) but did not submit it
     * @throws ConflictException        it is decided or withdrawn already
     */
    public void withdraw(UUID requestId, WithdrawalForm form, CurrentUser user) {
        // The interrupting sub-process ends every execution, also one the join's job is working on at that moment.
        engine.step(() -> withdrawOnce(requestId, form, user));
    }

    /**
     * The request the user could withdraw now, for the page that asks them to confirm it; refused as {@link #withdraw}
     * would refuse it, so the confirmation never promises what the step would not do.
     */
    public PurchaseRequest withdrawable(UUID requestId, CurrentUser user) {
        return allowed(requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId)), user);
    }

    private PurchaseRequest allowed(PurchaseRequest request, CurrentUser user) {
        if (!request.requester().equals(user.username())) {
            if (Requests.mayRead(request, user)) {
                throw new AccessDeniedException(user.username() + " did not submit " + request.reference());
            }
            throw new RequestNotFoundException(request.id());
        }
        lifecycle.requireAllowed(request, Transition.WITHDRAWN_BY_REQUESTER);
        return request;
    }

    private void withdrawOnce(UUID requestId, WithdrawalForm form, CurrentUser user) {
        PurchaseRequest request = allowed(lifecycle.lock(requestId), user);
        List<Task> open = tasks.openTasksOf(request.processInstanceId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(ScreeningProcess.WITHDRAWN_BY, user.username());
        String reason = Text.orNull(form.reason());
        if (reason != null) {
            variables.put(ScreeningProcess.WITHDRAWAL_REASON, reason);
        }
        EngineGate.asApplication(() -> runtime.createMessageCorrelation(ScreeningProcess.WITHDRAWAL_MESSAGE)
                .processInstanceId(request.processInstanceId())
                .setVariables(variables)
                .correlateWithResult());
        List<Area> openAreas = open.stream().map(Task::getTaskDefinitionKey).map(Area::byTaskDefinitionKey)
                .flatMap(Optional::stream).toList();
        boolean coordinators = open.stream().map(task -> TaskType.of(task.getTaskDefinitionKey()))
                .anyMatch(TaskType::forCoordinators);
        events.publishEvent(new RequestWithdrawn(requestId, reason, openAreas, coordinators));
    }

    /** The model's record of the withdrawal; the caller (the correlation) holds the request's lock. */
    @Transactional
    public void record(UUID requestId, String withdrawnBy, String reason) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        screening.cancelOpenAreas(requestId, now);
        lifecycle.transition(requestId, Transition.WITHDRAWN_BY_REQUESTER);
        outbox.append(requestId, request.reference(), EventType.REQUEST_WITHDRAWN, now,
                new Withdrawn(requestId, request.reference(), request.requester(), request.status(), now));
        history.record(requestId, HistoryKind.WITHDRAWN, withdrawnBy, null, null, reason);
    }

    /** request.withdrawn.v1: the reason stays in the application, like the need. */
    record Withdrawn(UUID requestId, String reference, String requester, RequestStatus statusBefore, Instant withdrawnAt) {
    }
}
