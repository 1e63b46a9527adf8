package dk.indkoebsscreening.task;

import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.EngineCommand;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.TaskSubjects;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing a task on: to a named colleague in its group, and back to the groups while its assignee is away. A task
 * whose step stays with one person (the requester's question) is never handed on.
 */
@Service
public class HandOver {

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private final WorkTaskService tasks;
    private final TaskService taskService;
    private final EngineTasks engineTasks;
    private final TaskSubjects subjects;
    private final EngineCommand engine;
    private final People people;
    private final Absences absences;
    private final ApplicationEventPublisher events;
    private final DraftStore drafts;

    HandOver(WorkTaskService tasks, TaskService taskService, EngineTasks engineTasks, TaskSubjects subjects,
             EngineCommand engine, People people, Absences absences, ApplicationEventPublisher events, DraftStore drafts) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.engineTasks = engineTasks;
        this.subjects = subjects;
        this.engine = engine;
        this.people = people;
        this.absences = absences;
        this.events = events;
        this.drafts = drafts;
    }

    /**
     * Hands an open task to a named member of its group: the one who has claimed it may, and a coordinator may hand
     * any task, of any group. Not to someone away, and not the requester's question (it is theirs).
     */
    @Transactional
    public void assign(String taskId, String assignee, CurrentUser user) {
        tasks.lockRequestOf(taskId);
        engine.run(() -> {
            Task task = tasks.openTask(taskId);
            if (!user.isCoordinator()) {
                tasks.authorize(task, user);
            }
            if (!tasks.mayBeHandedOn(task)) {
                throw new ConflictException("A question to the requester cannot be handed to someone else", "conflict.questionStays");
            }
            if (!user.username().equals(task.getAssignee()) && !user.isCoordinator()) {
                throw new AccessDeniedException(user.username() + " may not hand task " + taskId + " to someone else");
            }
            String target = assignee == null ? "" : assignee.strip();
            if (tasks.candidateGroups(task).stream().flatMap(group -> people.membersOf(group).stream())
                    .noneMatch(person -> person.id().equals(target))) {
                throw InvalidInputException.of("assignee", "task.assign.notMember");
            }
            absences.now(target).ifPresent(absence -> {
                throw InvalidInputException.of("assignee", "task.assign.absent", people.name(target),
                        absence.endsOn().format(DANISH_DATE));
            });
            taskService.setAssignee(taskId, target);
            if (!target.equals(task.getAssignee())) {
                drafts.drop(taskId);
            }
            tasks.record(HistoryKind.TASK_REASSIGNED, task, user.username(), target);
            WorkTask handed = WorkTaskService.toWorkTask(task, tasks.subjectOf(task));
            if (!target.equals(user.username()) && handed.aboutRequest()) {
                events.publishEvent(new TaskHandedOver(handed.requestId(), handed.type(), handed.area(), user.username(), target));
            }
        });
    }

    /** The members of the task's candidate groups, for the page's choice of whom to hand it to. */
    public List<People.Person> colleagues(String taskId, CurrentUser user) {
        Task task = tasks.openTask(taskId);
        if (!user.isCoordinator()) {
            tasks.authorize(task, user);
        }
        Map<String, People.Person> members = new LinkedHashMap<>();
        tasks.candidateGroups(task).forEach(group -> people.membersOf(group).forEach(person -> members.putIfAbsent(person.id(), person)));
        Set<String> away = absences.awayToday();
        return members.values().stream().filter(person -> !away.contains(person.id())).toList();
    }

    /** An absent user's tasks go back to their groups, each recorded in its request's history. */
    @Transactional
    public void returnAssignedToGroups(String username) {
        for (Task assigned : engineTasks.assignedTo(username, subjects.processKeys())) {
            if (!tasks.mayBeHandedOn(assigned)) {
                continue; // the requester's question stays theirs
            }
            if (tasks.lockRequestIfOpen(assigned.getId()).isEmpty()) {
                continue; // completed meanwhile
            }
            engine.run(() -> engineTasks.openTask(assigned.getId())
                    .filter(task -> username.equals(task.getAssignee()))
                    .ifPresent(task -> {
                        taskService.setAssignee(task.getId(), null);
                        tasks.record(HistoryKind.TASK_RETURNED_FOR_ABSENCE, task, username, null);
                    }));
        }
    }

}
