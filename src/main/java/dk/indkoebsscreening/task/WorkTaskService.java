package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.decision.DecisionForm;
import dk.indkoebsscreening.decision.DecisionService;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineCommand;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestRepository;
import dk.indkoebsscreening.screening.EscalationForm;
import dk.indkoebsscreening.screening.ScreeningForm;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.triage.InformationForm;
import dk.indkoebsscreening.triage.TriageForm;
import dk.indkoebsscreening.triage.TriageService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox: the open tasks a user may work on, claiming them and completing them with a body that
 * fits the task. Who may work on a task follows the model: its candidate groups or its assignee.
 */
@Service
public class WorkTaskService {

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private final TaskService taskService;
    private final HistoryService historyService;
    private final EngineTasks engineTasks;
    private final RequestRepository requests;
    private final TriageService triage;
    private final ScreeningService screening;
    private final DecisionService decisions;
    private final FormBinder binder;
    private final EngineCommand engine;
    private final CaseHistory caseHistory;
    private final People people;
    private final AbsenceRepository absences;
    private final Clock clock;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;

    WorkTaskService(TaskService taskService, HistoryService historyService, EngineTasks engineTasks,
                    RequestRepository requests, TriageService triage, ScreeningService screening, DecisionService decisions,
                    FormBinder binder, EngineCommand engine, CaseHistory caseHistory, People people,
                    AbsenceRepository absences, Clock clock, DeadlineProperties deadlines,
                    ApplicationEventPublisher events) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.engineTasks = engineTasks;
        this.requests = requests;
        this.triage = triage;
        this.screening = screening;
        this.decisions = decisions;
        this.binder = binder;
        this.engine = engine;
        this.caseHistory = caseHistory;
        this.people = people;
        this.absences = absences;
        this.clock = clock;
        this.zone = deadlines.zone();
        this.events = events;
    }

    /** Open tasks for the user's groups or assigned to the user, soonest due first. */
    public List<WorkTask> openTasks(CurrentUser user) {
        return openTasks(user, false);
    }

    /**
     * @param everyGroup with the expert groups' tasks too, for a coordinator who oversees them (hands them on); the
     *                   others' groups stay their own
     */
    public List<WorkTask> openTasks(CurrentUser user, boolean everyGroup) {
        Set<String> groups = new TreeSet<>(user.groups());
        if (everyGroup && user.isCoordinator()) {
            Arrays.stream(Area.values()).map(Area::candidateGroup).forEach(groups::add);
        }
        List<Task> tasks = engineTasks.openTasksFor(user.username(), groups);
        Map<String, PurchaseRequest> requestsByInstance = requests
                .findByProcessInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(PurchaseRequest::processInstanceId, Function.identity()));
        return tasks.stream()
                .filter(task -> requestsByInstance.containsKey(task.getProcessInstanceId()))
                .map(task -> toWorkTask(task, requestsByInstance.get(task.getProcessInstanceId())))
                .sorted(Comparator.comparing(WorkTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(WorkTask::created))
                .toList();
    }

    /** The task, for whoever may work on it, and for coordinators, who oversee every task (and may hand it on). */
    public WorkTask find(String taskId, CurrentUser user) {
        Task task = openTask(taskId);
        if (!user.isCoordinator()) {
            authorize(task, user);
        }
        return toWorkTask(task, requestOf(task));
    }

    /** Whether the user may take and complete the task: it is theirs or their group's. */
    public boolean mayWorkOn(String taskId, CurrentUser user) {
        return isFor(openTask(taskId), user);
    }

    /** The coordinator's open question on this request, if the user is the requester who must answer it. */
    public Optional<WorkTask> openQuestion(UUID requestId, CurrentUser user) {
        return requests.findById(requestId)
                .filter(request -> request.processInstanceId() != null)
                .flatMap(request -> engineTasks.openTask(request.processInstanceId(), TaskType.MORE_INFORMATION.taskDefinitionKey())
                        .filter(task -> user.username().equals(task.getAssignee()))
                        .map(task -> toWorkTask(task, request)));
    }

    /** A task that has been completed, as its old link shows it: who completed it, and when. */
    public record FinishedTask(TaskType type, Area area, UUID requestId, String reference, String title,
                               String completedBy, Instant completedAt) {
    }

    /** The task if it once existed and has been completed, for whoever may read its request. */
    public Optional<FinishedTask> finished(String taskId, CurrentUser user) {
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
        if (done == null) {
            return Optional.empty();
        }
        return requests.findByProcessInstanceIds(Set.of(done.getProcessInstanceId())).stream().findFirst()
                .filter(request -> request.requester().equals(user.username()) || user.takesPartInScreening())
                .map(request -> new FinishedTask(TaskType.of(done.getTaskDefinitionKey()),
                        Area.byTaskDefinitionKey(done.getTaskDefinitionKey()).orElse(null), request.id(),
                        request.reference(), request.title(), done.getAssignee(),
                        done.getEndTime() == null ? null : done.getEndTime().toInstant()));
    }

    /** The request an open task belongs to, without checking who asks: for administrators, who may read every request. */
    public UUID requestIdOf(String taskId) {
        return requestOf(openTask(taskId)).id();
    }

    private PurchaseRequest requestOf(Task task) {
        return requests.findByProcessInstanceIds(Set.of(task.getProcessInstanceId())).stream()
                .findFirst()
                .orElseThrow(() -> new TaskNotFoundException(task.getId()));
    }

    @Transactional
    public void claim(String taskId, CurrentUser user) {
        lockRequestOf(taskId);
        engine.run(() -> {
            Task task = openTask(taskId);
            authorize(task, user);
            requireNotClaimedByOthers(task, user);
            if (awayNow(user.username()).isPresent()) {
                throw new ConflictException(user.username() + " is away and cannot take task " + taskId);
            }
            taskService.setAssignee(taskId, user.username());
            recordClaim(HistoryKind.TASK_CLAIMED, task, user);
        });
    }

    @Transactional
    public void unclaim(String taskId, CurrentUser user) {
        lockRequestOf(taskId);
        engine.run(() -> {
            Task task = openTask(taskId);
            authorize(task, user);
            if (TaskType.of(task.getTaskDefinitionKey()) == TaskType.MORE_INFORMATION) {
                throw new ConflictException("A question to the requester cannot be handed back");
            }
            if (task.getAssignee() != null && !task.getAssignee().equals(user.username()) && !user.isCoordinator()) {
                throw new ConflictException("Task " + taskId + " is claimed by " + task.getAssignee());
            }
            taskService.setAssignee(taskId, null);
            recordClaim(HistoryKind.TASK_RELEASED, task, user);
        });
    }

    /**
     * Hands an open task to a named member of its group: the one who has claimed it may, and a coordinator may hand
     * any task, of any group. Not to someone away, and not the requester's question (it is theirs).
     */
    @Transactional
    public void assign(String taskId, String assignee, CurrentUser user) {
        lockRequestOf(taskId);
        engine.run(() -> {
            Task task = openTask(taskId);
            if (!user.isCoordinator()) {
                authorize(task, user);
            }
            if (TaskType.of(task.getTaskDefinitionKey()) == TaskType.MORE_INFORMATION) {
                throw new ConflictException("A question to the requester cannot be handed to someone else");
            }
            if (!user.username().equals(task.getAssignee()) && !user.isCoordinator()) {
                throw new AccessDeniedException(user.username() + " may not hand task " + taskId + " to someone else");
            }
            String target = assignee == null ? "" : assignee.strip();
            if (candidateGroups(task).stream().flatMap(group -> people.membersOf(group).stream())
                    .noneMatch(person -> person.id().equals(target))) {
                throw InvalidInputException.of("assignee", "task.assign.notMember");
            }
            awayNow(target).ifPresent(absence -> {
                throw InvalidInputException.of("assignee", "task.assign.absent", people.name(target),
                        absence.endsOn().format(DANISH_DATE));
            });
            taskService.setAssignee(taskId, target);
            record(HistoryKind.TASK_REASSIGNED, task, user.username(), target);
            if (!target.equals(user.username())) {
                PurchaseRequest request = requestOf(task);
                TaskType type = TaskType.of(task.getTaskDefinitionKey());
                events.publishEvent(new TaskHandedOver(request.id(), type,
                        type == TaskType.SCREENING ? toWorkTask(task, request).area() : null, user.username(), target));
            }
        });
    }

    /** The members of the task's candidate groups, for the page's choice of whom to hand it to. */
    public List<People.Person> colleagues(String taskId, CurrentUser user) {
        Task task = openTask(taskId);
        if (!user.isCoordinator()) {
            authorize(task, user);
        }
        Map<String, People.Person> members = new LinkedHashMap<>();
        candidateGroups(task).forEach(group -> people.membersOf(group).forEach(person -> members.putIfAbsent(person.id(), person)));
        Set<String> away = Set.copyOf(absences.awayOn(LocalDate.now(clock.withZone(zone))));
        return members.values().stream().filter(person -> !away.contains(person.id())).toList();
    }

    /** An absent user's tasks go back to their groups, each recorded in its request's history. */
    @Transactional
    public void returnAssignedToGroups(String username) {
        for (Task assigned : engineTasks.assignedTo(username)) {
            if (TaskType.of(assigned.getTaskDefinitionKey()) == TaskType.MORE_INFORMATION) {
                continue; // the requester's question stays theirs
            }
            if (requests.lockByTask(assigned.getId()).isEmpty()) {
                continue; // completed meanwhile
            }
            engine.run(() -> engineTasks.openTask(assigned.getId())
                    .filter(task -> username.equals(task.getAssignee()))
                    .ifPresent(task -> {
                        taskService.setAssignee(task.getId(), null);
                        record(HistoryKind.TASK_RETURNED_FOR_ABSENCE, task, username, null);
                    }));
        }
    }

    private void recordClaim(HistoryKind kind, Task task, CurrentUser user) {
        record(kind, task, user.username(), null);
    }

    private void record(HistoryKind kind, Task task, String actor, String text) {
        PurchaseRequest request = requestOf(task);
        TaskType type = TaskType.of(task.getTaskDefinitionKey());
        caseHistory.record(request.id(), kind, actor, type == TaskType.SCREENING ? toWorkTask(task, request).area() : null,
                type.name(), text);
    }

    private Optional<Absence> awayNow(String username) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return absences.of(username).filter(absence -> absence.covers(today));
    }

    /**
     * Records the outcome in the application's tables and completes the task, in one transaction.
     * The request's row lock comes first, so concurrent steps of one request queue up instead of
     * deadlocking, and a second completion of the same task finds it gone. The engine calls after the
     * lock are one engine command: the task is read once and the engine writes once.
     */
    @Transactional
    public void complete(String taskId, JsonNode body, CurrentUser user) {
        UUID requestId = lockRequestOf(taskId);
        engine.run(() -> {
            Task task = openTask(taskId);
            authorize(task, user);
            requireNotClaimedByOthers(task, user);
            Map<String, Object> variables = record(task, requestId, body, user);
            if (task.getAssignee() == null) {
                taskService.setAssignee(taskId, user.username());
            }
            EngineGate.completingTask(taskId, () -> taskService.complete(taskId, variables));
        });
    }

    private Map<String, Object> record(Task task, UUID requestId, JsonNode body, CurrentUser user) {
        return switch (TaskType.of(task.getTaskDefinitionKey())) {
            case TRIAGE -> triage.record(requestId, binder.bind(body, TriageForm.class, form -> triage.problems(requestId, form)), user.username());
            case MORE_INFORMATION -> {
                triage.answer(requestId, binder.bind(body, InformationForm.class), user.username());
                yield Map.of();
            }
            case SCREENING -> {
                Area area = Area.byTaskDefinitionKey(task.getTaskDefinitionKey()).orElseThrow();
                ScreeningForm form = binder.bind(body, ScreeningForm.class, bound -> screening.problems(area, bound));
                screening.record(requestId, area, form, user.username());
                yield Map.of(area.verdictVariable(), form.verdict().name());
            }
            case ESCALATION -> {
                screening.handleEscalation(requestId, binder.bind(body, EscalationForm.class), user.username());
                yield Map.of();
            }
            case DECISION -> {
                DecisionForm form = binder.bind(body, DecisionForm.class, bound -> decisions.problems(requestId, bound));
                yield ScreeningProcess.decisionVariables(form.outcome(), form.reason(), user.username());
            }
        };
    }

    /** Locks the task's request (see {@link RequestRepository#lockByTask}); a task that is gone is not found. */
    private UUID lockRequestOf(String taskId) {
        return requests.lockByTask(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    private Task openTask(String taskId) {
        return engineTasks.openTask(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    private static void requireNotClaimedByOthers(Task task, CurrentUser user) {
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new ConflictException("Task " + task.getId() + " is claimed by " + task.getAssignee());
        }
    }

    /** Only the assignee or a member of a candidate group may see or work on a task. */
    private void authorize(Task task, CurrentUser user) {
        if (!isFor(task, user)) {
            throw new AccessDeniedException("Task " + task.getId() + " is not for " + user.username());
        }
    }

    private boolean isFor(Task task, CurrentUser user) {
        return user.username().equals(task.getAssignee()) || candidateGroups(task).stream().anyMatch(user.groups()::contains);
    }

    private Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static WorkTask toWorkTask(Task task, PurchaseRequest request) {
        return new WorkTask(task.getId(), TaskType.of(task.getTaskDefinitionKey()),
                Area.byTaskDefinitionKey(task.getTaskDefinitionKey()).orElse(null), request.id(),
                request.reference(), request.title(), request.systemName(), request.vendor(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime().toInstant(), task.getAssignee());
    }
}
