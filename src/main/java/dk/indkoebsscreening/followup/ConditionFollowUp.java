package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.decision.DecidedCondition;
import dk.indkoebsscreening.decision.DecisionTaken;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.followup.ConditionItem.Change;
import dk.indkoebsscreening.followup.ConditionItem.Evidence;
import dk.indkoebsscreening.followup.ConditionItem.EvidenceFile;
import dk.indkoebsscreening.followup.ConditionRepository.Row;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineCommand;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.ScreeningGroups;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.Transition;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.StandInGroups;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conditions of a request's approval, from the decision that set them until each is verified or waived: one rule
 * per action (report, verify, send back, waive, hand over) for the condition's page and the API alike, each a step of
 * its own ({@link EngineCommand#step}) that records the change, announces it and moves the condition's part of the
 * model (SubProcess_ConditionFollowUp); and what the model's timers and its end record.
 */
@Service
public class ConditionFollowUp {

    private final ConditionRepository conditions;
    private final Requests requests;
    private final RequestLifecycle lifecycle;
    private final OutboxWriter outbox;
    private final CaseHistory history;
    private final ApplicationEventPublisher facts;
    private final Clock clock;
    private final EngineCommand engine;
    private final EngineTasks engineTasks;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final AttachmentService attachments;
    private final People people;
    private final ConditionDates dates;
    private final StandInGroups standIns;
    private final ScreeningGroups screeningGroups;

    ConditionFollowUp(ConditionRepository conditions, Requests requests, RequestLifecycle lifecycle, OutboxWriter outbox,
                      CaseHistory history, ApplicationEventPublisher facts, Clock clock, EngineCommand engine,
                      EngineTasks engineTasks, TaskService taskService, RuntimeService runtime,
                      AttachmentService attachments, People people, ConditionDates dates, StandInGroups standIns, ScreeningGroups screeningGroups) {
        this.screeningGroups = screeningGroups;
        this.conditions = conditions;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.history = history;
        this.facts = facts;
        this.clock = clock;
        this.engine = engine;
        this.engineTasks = engineTasks;
        this.taskService = taskService;
        this.runtime = runtime;
        this.attachments = attachments;
        this.people = people;
        this.dates = dates;
        this.standIns = standIns;
    }

    /** The request's conditions in their numbers' order, each with its evidence and history; empty when none were set. */
    public List<ConditionItem> of(UUID requestId) {
        Map<UUID, List<Change>> changes = conditions.changesOf(requestId);
        return conditions.rowsOf(requestId).stream().map(row -> item(row, changes.getOrDefault(row.id(), List.of()))).toList();
    }

    /**
     * One condition, for whoever may read its request and for its owner (a colleague it was handed to may not read
     * the whole request); not found for anyone else, so nobody learns that it exists.
     */
    public ConditionItem readable(UUID requestId, UUID conditionId, CurrentUser user) {
        PurchaseRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
        Row row = conditions.find(requestId, conditionId).filter(found -> mayRead(request, found, user))
                .orElseThrow(() -> new RequestNotFoundException(requestId));
        return item(row, conditions.changesOfCondition(row.id()));
    }

    /** When the condition falls due, at the deadline's time of day; null when it has no date. */
    public Instant dueAt(ConditionItem condition) {
        return condition.due() == null ? null : dates.dueAt(condition.due());
    }

    /** The id of the owner's open task on the condition, while it is with its owner. */
    public Optional<String> ownersTask(PurchaseRequest request, UUID conditionId) {
        return engineTasks.openTask(request.processInstanceId(), TaskType.FULFIL_CONDITION.taskDefinitionKey(),
                ScreeningProcess.CONDITION_ID, conditionId.toString()).map(Task::getId);
    }

    /** What the user may do with the condition now, for its page: each action's rule without doing it. */
    public record Actions(boolean report, boolean verify, boolean waive, boolean handOver) {
    }

    public Actions actions(ConditionItem condition, CurrentUser user) {
        boolean open = !condition.status().settled();
        return new Actions(condition.status().withOwner() && isOwner(condition.owner(), user),
                condition.status() == ConditionStatus.REPORTED && isVerifier(condition.setBy(), user),
                open && user.isCoordinator(),
                open && (isOwner(condition.owner(), user) || user.isCoordinator()));
    }

    /**
     * One condition per condition the decision bound, in its order, in the decision's transaction: they exist exactly
     * when the approval does. One due before go-live is due on the request's desired start date.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void decisionTaken(DecisionTaken taken) {
        List<DecidedCondition> decidedConditions = taken.decision().decidedConditions();
        if (decidedConditions.isEmpty()) {
            return;
        }
        PurchaseRequest request = requests.findById(taken.requestId()).orElseThrow();
        Instant at = taken.decision().decidedAt();
        int number = 0;
        for (DecidedCondition decided : decidedConditions) {
            Row row = new Row(UUID.randomUUID(), request.id(), ++number, decided.text(), decided.setBy(), decided.owner(),
                    dueDate(decided, request), decided.beforeGoLive(), ConditionStatus.OPEN, decided.changeNote());
            conditions.insert(row, at);
            changed(request, row, new Change(ChangeKind.SET, ConditionStatus.OPEN, taken.decision().decidedBy(),
                    decided.changeNote(), List.of(), at));
        }
    }

    /** The form asks for a date where the request has no desired start date (it is required at submission). */
    private static LocalDate dueDate(DecidedCondition decided, PurchaseRequest request) {
        LocalDate due = decided.due() != null ? decided.due() : decided.beforeGoLive() ? request.desiredStartDate() : null;
        if (due == null) {
            throw new IllegalStateException("Condition '" + decided.text() + "' of " + request.reference() + " has no due date");
        }
        return due;
    }

    /** The owner reports the condition fulfilled, with what was done and the request's files that show it. */
    public void report(UUID requestId, UUID conditionId, ReportForm form, CurrentUser user) {
        engine.step(() -> {
            Locked locked = locked(requestId, conditionId, user);
            Row row = locked.row();
            if (!isOwner(row.owner(), user)) {
                throw new AccessDeniedException(user.username() + " does not own condition " + conditionId);
            }
            requireStatus(row, row.status().withOwner());
            List<EvidenceFile> files = evidenceFiles(locked.request(), form.files(), user);
            Task task = openTask(locked, TaskType.FULFIL_CONDITION);
            Row reported = change(locked, row.with(ConditionStatus.REPORTED, row.owner()),
                    ChangeKind.REPORTED, user.username(), form.text(), files, HistoryKind.CONDITION_REPORTED);
            complete(task, user, Map.of());
            facts.publishEvent(new ConditionFacts.Reported(requestId, itemOf(reported)));
        });
    }

    /** Whoever set it accepts the report: the condition is met. */
    public void verify(UUID requestId, UUID conditionId, CurrentUser user) {
        decideReport(requestId, conditionId, user, null);
    }

    /** Whoever set it does not accept the report: back to its owner with the reason. */
    public void sendBack(UUID requestId, UUID conditionId, ReasonForm form, CurrentUser user) {
        decideReport(requestId, conditionId, user, form.reason());
    }

    private void decideReport(UUID requestId, UUID conditionId, CurrentUser user, String sendBackReason) {
        engine.step(() -> {
            Locked locked = locked(requestId, conditionId, user);
            Row row = locked.row();
            if (!isVerifier(row.setBy(), user)) {
                throw new AccessDeniedException(user.username() + " does not verify condition " + conditionId);
            }
            requireStatus(row, row.status() == ConditionStatus.REPORTED);
            Task task = openTask(locked, TaskType.VERIFY_CONDITION);
            boolean verified = sendBackReason == null;
            Row changed = change(locked, row.with(verified ? ConditionStatus.VERIFIED : ConditionStatus.SENT_BACK, row.owner()),
                    verified ? ChangeKind.VERIFIED : ChangeKind.SENT_BACK, user.username(), sendBackReason, List.of(),
                    verified ? HistoryKind.CONDITION_VERIFIED : HistoryKind.CONDITION_SENT_BACK);
            complete(task, user, Map.of(ScreeningProcess.CONDITION_VERIFIED, verified));
            if (!verified) {
                facts.publishEvent(new ConditionFacts.SentBack(requestId, itemOf(changed), sendBackReason, user.username()));
            }
        });
    }

    /** A coordinator lets the condition go, with a reason, whatever its state: its part of the model ends. */
    public void waive(UUID requestId, UUID conditionId, ReasonForm form, CurrentUser user) {
        engine.step(() -> {
            Locked locked = locked(requestId, conditionId, user);
            Row row = locked.row();
            if (!user.isCoordinator()) {
                throw new AccessDeniedException(user.username() + " may not waive condition " + conditionId);
            }
            requireStatus(row, !row.status().settled());
            change(locked, row.with(ConditionStatus.WAIVED, row.owner()), ChangeKind.WAIVED, user.username(), form.reason(),
                    List.of(), HistoryKind.CONDITION_WAIVED);
            EngineGate.asApplication(() -> runtime.createMessageCorrelation(ScreeningProcess.CONDITION_WAIVED_MESSAGE)
                    .processInstanceId(locked.request().processInstanceId())
                    .localVariableEquals(ScreeningProcess.CONDITION_ID, conditionId.toString())
                    .correlateWithResult());
        });
    }

    /** The owner or a coordinator hands the condition to a named colleague; its open task follows. */
    public void handOver(UUID requestId, UUID conditionId, OwnerForm form, CurrentUser user) {
        engine.step(() -> {
            Locked locked = locked(requestId, conditionId, user);
            Row row = locked.row();
            if (!isOwner(row.owner(), user) && !user.isCoordinator()) {
                throw new AccessDeniedException(user.username() + " may not hand condition " + conditionId + " on");
            }
            requireStatus(row, !row.status().settled());
            String owner = form.owner().strip();
            if (owner.equals(row.owner()) || people.person(owner).isEmpty()) {
                throw InvalidInputException.of("owner", owner.equals(row.owner()) ? "followup.owner.same" : "followup.owner.unknown");
            }
            Row handed = change(locked, row.with(row.status(), owner), ChangeKind.OWNER_CHANGED, user.username(), owner,
                    List.of(), HistoryKind.CONDITION_HANDED_OVER);
            ownersTask(locked.request(), conditionId).ifPresent(taskId -> EngineGate.asApplication(() -> {
                taskService.setAssignee(taskId, owner);
                return null;
            }));
            facts.publishEvent(new ConditionFacts.HandedOver(requestId, itemOf(handed), user.username()));
        });
    }

    /**
     * Task_RemindConditionOwner: its due date is near and it is still with its owner. Once per condition: the task made
     * again after a send-back has the same due date, and its owner was just told by the send-back's mail.
     */
    @Transactional
    public void remind(UUID requestId, UUID conditionId) {
        lifecycle.lock(requestId);
        Row row = conditions.find(requestId, conditionId).orElseThrow();
        String number = String.valueOf(row.number());
        boolean reminded = history.of(requestId).stream()
                .anyMatch(entry -> entry.kind() == HistoryKind.CONDITION_REMINDED && number.equals(entry.value()));
        if (!row.status().withOwner() || reminded) {
            return;
        }
        history.record(requestId, HistoryKind.CONDITION_REMINDED, null, row.setBy(), number, null);
        facts.publishEvent(new ConditionFacts.ReminderDue(requestId, itemOf(row), dates.dueAt(row.due())));
    }

    /**
     * Task_RecordConditionOverdue: its due date passed while it was with its owner, who may still report it. A condition
     * sent back after its due date is overdue again the moment its task returns, and says so; the coordinators were told
     * the first time and are not mailed again about the same condition.
     */
    @Transactional
    public void recordOverdue(UUID requestId, UUID conditionId) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Row row = conditions.find(requestId, conditionId).orElseThrow();
        if (!row.status().withOwner()) {
            return;
        }
        boolean toldBefore = conditions.changesOfCondition(conditionId).stream()
                .anyMatch(change -> change.kind() == ChangeKind.OVERDUE);
        Row overdue = change(new Locked(request, row), row.with(ConditionStatus.OVERDUE, row.owner()), ChangeKind.OVERDUE,
                null, null, List.of(), HistoryKind.CONDITION_OVERDUE);
        if (!toldBefore) {
            facts.publishEvent(new ConditionFacts.Overdue(requestId, itemOf(overdue), dates.dueAt(row.due())));
        }
    }

    /** Task_RecordConditionsSettled: every condition is verified or waived; the request reads "Godkendt – betingelser opfyldt". */
    @Transactional
    public void recordSettled(UUID requestId) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        List<Row> rows = conditions.rowsOf(requestId);
        lifecycle.transition(requestId, Transition.CONDITIONS_SETTLED);
        outbox.append(requestId, request.reference(), EventType.CONDITIONS_SETTLED, now, new ConditionsSettled(requestId,
                request.reference(), (int) rows.stream().filter(row -> row.status() == ConditionStatus.VERIFIED).count(),
                (int) rows.stream().filter(row -> row.status() == ConditionStatus.WAIVED).count(), request.status(),
                Transition.CONDITIONS_SETTLED.to(), now));
        history.record(requestId, HistoryKind.CONDITIONS_SETTLED, null, null, null, null);
        facts.publishEvent(new ConditionFacts.Settled(requestId));
    }

    /** The request locked for the step, and the condition as it is under that lock. */
    private record Locked(PurchaseRequest request, Row row) {
    }

    private Locked locked(UUID requestId, UUID conditionId, CurrentUser user) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Row row = conditions.find(requestId, conditionId).filter(found -> mayRead(request, found, user))
                .orElseThrow(() -> new RequestNotFoundException(requestId));
        return new Locked(request, row);
    }

    private static boolean mayRead(PurchaseRequest request, Row row, CurrentUser user) {
        return Requests.mayRead(request, user) || isOwner(row.owner(), user);
    }

    private static boolean isOwner(String owner, CurrentUser user) {
        return owner.equals(user.username());
    }

    /**
     * The experts of the area that set it, or the coordinators for the coordinator's own (null); and the group's stand-in
     * while the period lasts, who is given the verifying task as a member is.
     */
    private boolean isVerifier(Area setBy, CurrentUser user) {
        String group = setBy == null ? Groups.COORDINATORS : screeningGroups.groupOf(setBy);
        return user.groups().contains(group) || standIns.groupsOf(user.username()).contains(group);
    }

    private static void requireStatus(Row row, boolean allowed) {
        if (!allowed) {
            throw new ConflictException("Condition " + row.id() + " is " + row.status(), "conflict.condition",
                    new DefaultMessageSourceResolvable("conditionStatus." + row.status().name()));
        }
    }

    /**
     * The request's files the owner may show as evidence: every file for whoever may read the request; for a colleague
     * the condition was handed to, who may not, only those they added, so the request's other files stay unknown to them.
     */
    public List<Attachment> evidenceOffered(PurchaseRequest request, CurrentUser user) {
        boolean readsRequest = Requests.mayRead(request, user);
        return attachments.ofRequest(request.id()).stream().filter(file -> !file.removed())
                .filter(file -> readsRequest || file.addedBy().equals(user.username())).toList();
    }

    private List<EvidenceFile> evidenceFiles(PurchaseRequest request, List<String> given, CurrentUser user) {
        List<UUID> ids = given.stream().map(UUID::fromString).toList();
        Map<UUID, Attachment> files = evidenceOffered(request, user).stream()
                .collect(Collectors.toMap(Attachment::id, Function.identity()));
        for (int i = 0; i < ids.size(); i++) {
            if (!files.containsKey(ids.get(i))) {
                throw InvalidInputException.of("files[" + i + "]", "followup.report.unknownFile");
            }
        }
        return ids.stream().distinct().map(id -> new EvidenceFile(id, files.get(id).name())).toList();
    }

    private Task openTask(Locked locked, TaskType type) {
        return engineTasks.openTask(locked.request().processInstanceId(), type.taskDefinitionKey(), ScreeningProcess.CONDITION_ID,
                        locked.row().id().toString())
                .orElseThrow(() -> new ConflictException("Condition " + locked.row().id() + " has no open " + type,
                        "conflict.condition", new DefaultMessageSourceResolvable("conditionStatus." + locked.row().status().name())));
    }

    /**
     * Completes the condition's task as the one who acted, who takes it first if it was their group's; one a colleague
     * has taken is theirs to complete, as in the inbox.
     */
    private void complete(Task task, CurrentUser user, Map<String, Object> variables) {
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new ConflictException("Task " + task.getId() + " is claimed by " + task.getAssignee());
        }
        EngineGate.asApplication(() -> {
            if (task.getAssignee() == null) {
                taskService.setAssignee(task.getId(), user.username());
            }
            EngineGate.completingTask(task.getId(), () -> taskService.complete(task.getId(), variables));
            return null;
        });
    }

    /** Records the change with its history entry, and announces the condition as it is after it. */
    private Row change(Locked locked, Row changed, ChangeKind kind, String by, String text, List<EvidenceFile> files,
                       HistoryKind historyKind) {
        Instant now = clock.instant();
        conditions.update(changed, now);
        changed(locked.request(), changed, new Change(kind, changed.status(), by, text, files, now));
        history.record(changed.requestId(), historyKind, by, changed.setBy(), String.valueOf(changed.number()), text);
        return changed;
    }

    /** Records the change and announces the condition as it is after it. */
    private void changed(PurchaseRequest request, Row row, Change change) {
        conditions.addChange(row.id(), change);
        outbox.append(request.id(), request.reference(), EventType.CONDITION_CHANGED, change.at(),
                ConditionChanged.of(request, itemOf(row), change));
    }

    private ConditionItem itemOf(Row row) {
        return item(row, conditions.changesOfCondition(row.id()));
    }

    private static ConditionItem item(Row row, List<Change> changes) {
        List<Evidence> evidence = changes.stream().filter(change -> change.kind() == ChangeKind.REPORTED)
                .map(change -> new Evidence(change.text(), change.files(), change.by(), change.at())).toList();
        String lastReason = changes.stream()
                .filter(change -> change.kind() == ChangeKind.SENT_BACK || change.kind() == ChangeKind.WAIVED)
                .reduce((first, second) -> second).map(Change::text).orElse(null);
        return new ConditionItem(row.id(), row.requestId(), row.number(), row.text(), row.setBy(), row.owner(), row.due(),
                row.beforeGoLive(), row.status(), row.changeNote(), evidence, lastReason, changes);
    }
}
