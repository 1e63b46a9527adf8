package dk.indkoebsscreening.task;

import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.decision.DecisionForm;
import dk.indkoebsscreening.decision.DecisionService;
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
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.triage.InformationForm;
import dk.indkoebsscreening.triage.TriageForm;
import dk.indkoebsscreening.triage.TriageService;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox: the open tasks a user may work on, claiming them and completing them with a body that
 * fits the task. Who may work on a task follows the model: its candidate groups or its assignee.
 */
@Service
public class WorkTaskService {

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

    WorkTaskService(TaskService taskService, HistoryService historyService, EngineTasks engineTasks,
                    RequestRepository requests, TriageService triage, ScreeningService screening, DecisionService decisions,
                    FormBinder binder, EngineCommand engine, CaseHistory caseHistory) {
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
    }

    /** Open tasks for the user's groups or assigned to the user, soonest due first. */
    public List<WorkTask> openTasks(CurrentUser user) {
        List<Task> tasks = engineTasks.openTasksFor(user.username(), user.groups());
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

    public WorkTask find(String taskId, CurrentUser user) {
        Task task = openTask(taskId);
        authorize(task, user);
        return toWorkTask(task, requestOf(task));
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

    private void recordClaim(HistoryKind kind, Task task, CurrentUser user) {
        PurchaseRequest request = requestOf(task);
        TaskType type = TaskType.of(task.getTaskDefinitionKey());
        caseHistory.record(request.id(), kind, user.username(), type == TaskType.SCREENING ? toWorkTask(task, request).area() : null,
                type.name(), null);
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
        if (user.username().equals(task.getAssignee())) {
            return;
        }
        Set<String> candidateGroups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
        if (candidateGroups.stream().noneMatch(user.groups()::contains)) {
            throw new AccessDeniedException("Task " + task.getId() + " is not for " + user.username());
        }
    }

    private static WorkTask toWorkTask(Task task, PurchaseRequest request) {
        return new WorkTask(task.getId(), TaskType.of(task.getTaskDefinitionKey()),
                Area.byTaskDefinitionKey(task.getTaskDefinitionKey()).orElse(null), request.id(),
                request.reference(), request.title(), request.systemName(), request.vendor(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime().toInstant(), task.getAssignee());
    }
}
