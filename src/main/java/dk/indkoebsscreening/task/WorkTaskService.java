package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.decision.DecisionForm;
import dk.indkoebsscreening.decision.DecisionService;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestRepository;
import dk.indkoebsscreening.request.ScreeningProcess;
import dk.indkoebsscreening.screening.Area;
import dk.indkoebsscreening.screening.EscalationForm;
import dk.indkoebsscreening.screening.ScreeningForm;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.triage.InformationForm;
import dk.indkoebsscreening.triage.TriageForm;
import dk.indkoebsscreening.triage.TriageService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
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
    private final RequestRepository requests;
    private final TriageService triage;
    private final ScreeningService screening;
    private final DecisionService decisions;
    private final FormBinder binder;

    WorkTaskService(TaskService taskService, RequestRepository requests, TriageService triage,
                    ScreeningService screening, DecisionService decisions, FormBinder binder) {
        this.taskService = taskService;
        this.requests = requests;
        this.triage = triage;
        this.screening = screening;
        this.decisions = decisions;
        this.binder = binder;
    }

    /** Open tasks for the user's groups or assigned to the user, soonest due first. */
    public List<WorkTask> openTasks(CurrentUser user) {
        TaskQuery query = taskService.createTaskQuery()
                .processDefinitionKey(ScreeningProcess.PROCESS_KEY)
                .active();
        if (user.groups().isEmpty()) {
            query.taskAssignee(user.username());
        } else {
            query.or()
                    .taskAssignee(user.username())
                    .taskCandidateGroupIn(List.copyOf(user.groups()))
                    .includeAssignedTasks()
                    .endOr();
        }
        List<Task> tasks = query.list();
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
        return toWorkTask(task, requests.findById(requestIdOf(task)).orElseThrow());
    }

    @Transactional
    public void claim(String taskId, CurrentUser user) {
        Task task = lockAndReload(taskId).task();
        authorize(task, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new ConflictException("Task " + taskId + " is claimed by " + task.getAssignee());
        }
        taskService.setAssignee(taskId, user.username());
    }

    @Transactional
    public void unclaim(String taskId, CurrentUser user) {
        Task task = lockAndReload(taskId).task();
        authorize(task, user);
        if (TaskType.of(task.getTaskDefinitionKey()) == TaskType.MORE_INFORMATION) {
            throw new ConflictException("A question to the requester cannot be handed back");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username()) && !user.isCoordinator()) {
            throw new ConflictException("Task " + taskId + " is claimed by " + task.getAssignee());
        }
        taskService.setAssignee(taskId, null);
    }

    /**
     * Records the outcome in the application's tables and completes the task, in one transaction.
     * The request's row lock comes first, so concurrent steps of one request queue up instead of
     * deadlocking, and a second completion of the same task finds it gone.
     */
    @Transactional
    public void complete(String taskId, JsonNode body, CurrentUser user) {
        LockedTask locked = lockAndReload(taskId);
        Task task = locked.task();
        authorize(task, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new ConflictException("Task " + taskId + " is claimed by " + task.getAssignee());
        }
        UUID requestId = locked.requestId();
        Map<String, Object> variables = switch (TaskType.of(task.getTaskDefinitionKey())) {
            case TRIAGE -> triage.record(requestId, binder.bind(body, TriageForm.class), user.username());
            case MORE_INFORMATION -> {
                triage.answer(requestId, binder.bind(body, InformationForm.class), user.username());
                yield Map.of();
            }
            case SCREENING -> {
                Area area = Area.byTaskDefinitionKey(task.getTaskDefinitionKey()).orElseThrow();
                ScreeningForm form = binder.bind(body, ScreeningForm.class);
                screening.record(requestId, area, form, user.username());
                yield Map.of(area.verdictVariable(), form.verdict().name());
            }
            case ESCALATION -> {
                screening.handleEscalation(requestId, binder.bind(body, EscalationForm.class), user.username());
                yield Map.of();
            }
            case DECISION -> {
                DecisionForm form = binder.bind(body, DecisionForm.class);
                decisions.validate(requestId, form);
                yield decisionVariables(form, user);
            }
        };
        if (task.getAssignee() == null) {
            taskService.setAssignee(taskId, user.username());
        }
        taskService.complete(taskId, variables);
    }

    private static Map<String, Object> decisionVariables(DecisionForm form, CurrentUser user) {
        return form.reason() == null
                ? Map.of("decisionOutcome", form.outcome().name(), "decidedBy", user.username())
                : Map.of("decisionOutcome", form.outcome().name(), "decisionReason", form.reason(),
                        "decidedBy", user.username());
    }

    /** The task, read again once its request is locked (a concurrent step may have completed it). */
    private record LockedTask(Task task, UUID requestId) {
    }

    private LockedTask lockAndReload(String taskId) {
        UUID requestId = requestIdOf(openTask(taskId));
        requests.lock(requestId);
        return new LockedTask(openTask(taskId), requestId);
    }

    private Task openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    private UUID requestIdOf(Task task) {
        return requests.findIdByProcessInstanceId(task.getProcessInstanceId())
                .orElseThrow(() -> new TaskNotFoundException(task.getId()));
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
                request.reference(), request.title(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime().toInstant(), task.getAssignee());
    }
}
