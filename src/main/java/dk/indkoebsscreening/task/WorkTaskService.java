package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineCommand;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.TaskSubject;
import dk.indkoebsscreening.process.TaskSubjects;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.RequestMemo;
import dk.indkoebsscreening.system.Tenancy;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * The inbox: the open tasks a user may work on, claiming them and completing them with the input their step
 * ({@link TaskSteps}) takes. Who may work on a task follows the model: its candidate groups or its assignee.
 */
@Service
public class WorkTaskService {

    private static final Comparator<WorkTask> SOONEST_DUE = Comparator.comparing(WorkTask::due,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(WorkTask::created);

    private final TaskService taskService;
    private final EngineTasks engineTasks;
    private final Requests requests;
    private final TaskSubjects subjects;
    private final TaskSteps steps;
    private final EngineCommand engine;
    private final CaseHistory caseHistory;
    private final Absences absences;
    private final DraftStore drafts;
    private final GroupStandIns standIns;
    private final InstallationProperties installation;

    WorkTaskService(TaskService taskService, EngineTasks engineTasks, Requests requests, TaskSubjects subjects,
                    TaskSteps steps, EngineCommand engine, CaseHistory caseHistory, Absences absences,
                    DraftStore drafts, GroupStandIns standIns, InstallationProperties installation) {
        this.installation = installation;
        this.taskService = taskService;
        this.engineTasks = engineTasks;
        this.requests = requests;
        this.subjects = subjects;
        this.steps = steps;
        this.engine = engine;
        this.caseHistory = caseHistory;
        this.absences = absences;
        this.drafts = drafts;
        this.standIns = standIns;
    }

    /** Open tasks for the user's groups (and those they stand in for) or assigned to the user, soonest due first. */
    public List<WorkTask> openTasks(CurrentUser user) {
        return openTasks(user, false);
    }

    /**
     * @param everyGroup with the expert groups' tasks too (the shared organisation's of the municipality too), for a
     *                   coordinator who oversees them (hands them on); the others' groups stay their own
     */
    public List<WorkTask> openTasks(CurrentUser user, boolean everyGroup) {
        Set<String> groups = groupsOf(user);
        if (everyGroup && user.isCoordinator()) {
            Arrays.stream(Area.values()).forEach(area -> {
                groups.add(area.candidateGroup());
                groups.add(area.sharedCandidateGroup());
            });
        }
        List<Task> found = engineTasks.openTasksFor(user.username(), groups, subjects.processKeys());
        // A former stand-in still assigned a group's task (until the check hands it back) does not see it listed either.
        return soonestFirst(standIns.stoodInFor(user.username()) ? found.stream().filter(task -> isFor(task, user)).toList() : found);
    }

    /** The user's own groups and those they stand in for today. */
    private Set<String> groupsOf(CurrentUser user) {
        Set<String> groups = new TreeSet<>(user.groups());
        groups.addAll(standIns.groupsOf(user.username()));
        return groups;
    }

    /** The tasks with their subjects, soonest due first; a task whose subject is gone is left out. */
    private List<WorkTask> soonestFirst(List<Task> tasks) {
        Map<String, TaskSubject> subjectsByInstance = subjects.of(tasks);
        return tasks.stream()
                .filter(task -> subjectsByInstance.containsKey(task.getProcessInstanceId()))
                .map(task -> toWorkTask(task, subjectsByInstance.get(task.getProcessInstanceId())))
                .sorted(SOONEST_DUE)
                .toList();
    }

    /** The first open tasks of each kind, soonest due first, and how many there are of each kind (task definition key). */
    public record Preview(List<WorkTask> first, Map<String, Long> countByKey) {
    }

    /**
     * What the unfiltered inbox shows of {@link #openTasks}: the first {@code perKind} of each of these kinds and how
     * many there are, read as such, not by listing every task. For a former stand-in, whose list leaves out tasks still
     * assigned from the stand-in's time, by listing.
     */
    public Preview preview(CurrentUser user, Collection<String> kinds, int perKind) {
        if (standIns.stoodInFor(user.username())) {
            List<WorkTask> open = openTasks(user).stream().filter(task -> kinds.contains(task.taskDefinitionKey())).toList();
            return new Preview(open, open.stream().collect(Collectors.groupingBy(WorkTask::taskDefinitionKey, Collectors.counting())));
        }
        EngineTasks.Preview preview = engineTasks.preview(user.username(), groupsOf(user), subjects.processKeys(), kinds, perKind);
        return new Preview(soonestFirst(preview.first()), preview.countByKey());
    }

    /** The task, for whoever may work on it, and for coordinators, who oversee every task (and may hand it on). */
    public WorkTask find(String taskId, CurrentUser user) {
        Task task = openTask(taskId);
        if (!user.isCoordinator()) {
            authorize(task, user);
        }
        return toWorkTask(task, subjectOf(task));
    }

    /** Whether the user may take and complete the task: it is theirs or their group's. */
    public boolean mayWorkOn(String taskId, CurrentUser user) {
        return isFor(openTask(taskId), user);
    }

    /**
     * The user's open task on this request that is done on the request's page, not on a task page: the coordinator's
     * question, if the user is the requester who must answer it.
     */
    public Optional<WorkTask> openQuestion(UUID requestId, CurrentUser user) {
        return requests.findById(requestId)
                .filter(request -> request.processInstanceId() != null)
                .flatMap(request -> engineTasks.openTasksOf(request.processInstanceId()).stream()
                        .filter(task -> user.username().equals(task.getAssignee()))
                        .filter(task -> steps.of(task.getTaskDefinitionKey()).template() == null)
                        .findFirst()
                        .map(task -> toWorkTask(task, Requests.taskSubject(request))));
    }

    /** A task that has been completed, as its old link shows it: what it was about, who completed it, and when. */
    public record FinishedTask(TaskType type, Area area, TaskSubject subject, String completedBy, Instant completedAt) {
    }

    /**
     * The task if it once existed and has been completed, for whoever may read what it was about: its request, or its
     * system (the register is everyone's).
     */
    public Optional<FinishedTask> finished(String taskId, CurrentUser user) {
        return engineTasks.finishedTask(taskId).flatMap(done -> subjects.of(done)
                .filter(subject -> !subject.isRequest() || requests.findById(subject.id())
                        .filter(request -> Requests.mayRead(request, user)).isPresent())
                .map(subject -> new FinishedTask(TaskType.of(done.getTaskDefinitionKey()),
                        Area.byTaskDefinitionKey(done.getTaskDefinitionKey()).orElse(null), subject, done.getAssignee(),
                        done.getEndTime() == null ? null : done.getEndTime().toInstant())));
    }

    /** The page of what an open task is about, without checking who asks: for administrators, who may read everything. */
    public String linkOf(String taskId) {
        return subjectOf(openTask(taskId)).link();
    }

    TaskSubject subjectOf(Task task) {
        return subjects.of(task).orElseThrow(() -> new TaskNotFoundException(task.getId()));
    }

    @Transactional
    public void claim(String taskId, CurrentUser user) {
        inMunicipalityOf(taskId, () -> claimed(taskId, user));
    }

    private void claimed(String taskId, CurrentUser user) {
        lockRequestOf(taskId);
        engine.run(() -> {
            Task task = openTask(taskId);
            authorize(task, user);
            requireNotClaimedByOthers(task, user);
            if (absences.now(user.username()).isPresent()) {
                throw new ConflictException(user.username() + " is away and cannot take task " + taskId, "conflict.away");
            }
            taskService.setAssignee(taskId, user.username());
            recordClaim(HistoryKind.TASK_CLAIMED, task, user);
        });
    }

    @Transactional
    public void unclaim(String taskId, CurrentUser user) {
        inMunicipalityOf(taskId, () -> unclaimed(taskId, user));
    }

    private void unclaimed(String taskId, CurrentUser user) {
        lockRequestOf(taskId);
        engine.run(() -> {
            Task task = openTask(taskId);
            authorize(task, user);
            if (!mayBeHandedOn(task)) {
                throw new ConflictException("A question to the requester cannot be handed back", "conflict.questionStays");
            }
            if (task.getAssignee() != null && !task.getAssignee().equals(user.username()) && !user.isCoordinator()) {
                throw new ConflictException("Task " + taskId + " is claimed by " + task.getAssignee());
            }
            taskService.setAssignee(taskId, null);
            drafts.drop(taskId);
            recordClaim(HistoryKind.TASK_RELEASED, task, user);
        });
    }

    private void recordClaim(HistoryKind kind, Task task, CurrentUser user) {
        record(kind, task, user.username(), null);
    }

    /** A step of a request's task in its history, with the area of a screening; a system has no such history. */
    void record(HistoryKind kind, Task task, String actor, String text) {
        WorkTask work = toWorkTask(task, subjectOf(task));
        if (work.aboutRequest()) {
            caseHistory.record(work.requestId(), kind, actor, work.area(), work.type().name(), text);
        }
    }

    /**
     * Records the outcome in the application's tables and completes the task, in one transaction.
     * The request's row lock comes first, so concurrent steps of one request queue up instead of
     * deadlocking, and a second completion of the same task finds it gone. The engine calls after the
     * lock are one engine command: the task is read once and the engine writes once. A completion that collided
     * with a job or timer of the same process runs again ({@link EngineCommand#step}).
     */
    public void complete(String taskId, JsonNode body, CurrentUser user) {
        inMunicipalityOf(taskId, () -> engine.step(() -> complete(taskId, TaskSteps.json(body), user)));
    }

    /** The same completion from the task's page, its form bound to the same record as the API's body. */
    public void completeFromPage(String taskId, MultiValueMap<String, String> form, CurrentUser user) {
        inMunicipalityOf(taskId, () -> engine.step(() -> complete(taskId, TaskSteps.page(form), user)));
    }

    /**
     * Runs a step on a task acting for the municipality whose task it is, seeing what the user sees: someone who works
     * for several municipalities (the shared organisation's experts) writes the step's rows, history, mails and events
     * as that municipality's, and a group's members are that municipality's. A task the user cannot see is left to the
     * step, which finds it missing.
     */
    private void inMunicipalityOf(String taskId, Runnable step) {
        Tenancy.Scope scope = installation.scopeOfTheWork();
        if (!scope.all() && scope.visible().size() <= 1) {
            // Someone of one municipality sees only its tasks: no look-up on every step.
            step.run();
            return;
        }
        Optional<String> municipality = engineTasks.openTask(taskId).map(Task::getTenantId)
                .filter(tenant -> !tenant.equals(scope.tenant()));
        if (municipality.isEmpty()) {
            step.run();
            return;
        }
        Tenancy.callIn(new Tenancy.Scope(municipality.get(), scope.visible(), scope.all()), () -> {
            step.run();
            return null;
        });
    }

    private void complete(String taskId, TaskSteps.Input input, CurrentUser user) {
        UUID subjectId = lockRequestOf(taskId);
        engine.run(() -> {
            Task task = openTask(taskId);
            authorize(task, user);
            requireNotClaimedByOthers(task, user);
            Map<String, Object> variables = steps.complete(task.getTaskDefinitionKey(), subjectId, input, user.username());
            if (task.getAssignee() == null) {
                taskService.setAssignee(taskId, user.username());
            }
            EngineGate.completingTask(taskId, () -> taskService.complete(taskId, variables));
            drafts.drop(taskId);
        });
    }

    /**
     * Locks what the task is about, its request or its system ({@link TaskSubjects#lockByTask}), and returns its id; a
     * task that is gone is not found.
     */
    UUID lockRequestOf(String taskId) {
        return lockRequestIfOpen(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /** Locks what the task is about if the task is still open. */
    Optional<UUID> lockRequestIfOpen(String taskId) {
        return subjects.lockByTask(taskId);
    }

    /**
     * The open task. A task page asks for it from several places (the task, who may work on it, to whom it may be
     * handed): one look-up per page view ({@link RequestMemo}; a step that changes it is a POST, which reads afresh).
     */
    Task openTask(String taskId) {
        return RequestMemo.of("engineTask:" + taskId, () -> engineTasks.openTask(taskId))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /** The task's identity links (candidates, assignee), once per page view as {@link #openTask}. */
    private List<IdentityLink> identityLinks(Task task) {
        return RequestMemo.of("engineTaskLinks:" + task.getId(), () -> taskService.getIdentityLinksForTask(task.getId()));
    }

    /** Whether the task's step lets it be released or handed on. */
    boolean mayBeHandedOn(Task task) {
        return steps.of(task.getTaskDefinitionKey()).mayBeHandedOn();
    }

    static void requireNotClaimedByOthers(Task task, CurrentUser user) {
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new ConflictException("Task " + task.getId() + " is claimed by " + task.getAssignee());
        }
    }

    /** Only the assignee, a candidate user or a member of a candidate group may see or work on a task. */
    void authorize(Task task, CurrentUser user) {
        if (!isFor(task, user)) {
            throw new AccessDeniedException("Task " + task.getId() + " is not for " + user.username());
        }
    }

    /**
     * Its assignee, a candidate user (a system's owner on its renewal), the members of its candidate groups and their
     * stand-ins while the period lasts. A stand-in whose period is over no longer holds the group's task they took,
     * even before the scheduled check hands it back ({@link HandOver#returnTasksOfStandInsWhoseTimeIsOver}).
     */
    private boolean isFor(Task task, CurrentUser user) {
        List<IdentityLink> candidates = identityLinks(task).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        Set<String> standingIn = standIns.groupsOf(user.username());
        if (candidates.stream().anyMatch(link -> user.username().equals(link.getUserId()) || link.getGroupId() != null
                && (user.groups().contains(link.getGroupId()) || standingIn.contains(link.getGroupId())))) {
            return true;
        }
        return user.username().equals(task.getAssignee()) && !standIns.stoodInFor(user.username(), candidates.stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList());
    }

    Set<String> candidateGroups(Task task) {
        return identityLinks(task).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static WorkTask toWorkTask(Task task, TaskSubject subject) {
        return new WorkTask(task.getId(), TaskType.of(task.getTaskDefinitionKey()),
                Area.byTaskDefinitionKey(task.getTaskDefinitionKey()).orElse(null), subject.kind(), subject.id(),
                subject.isRequest() ? subject.id() : null, subject.isRequest() ? subject.label() : null, subject.label(),
                subject.title(), subject.systemName(), subject.vendor(), subject.link(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime().toInstant(), task.getAssignee(), subject.flags(), task.getTenantId());
    }
}
