package dk.indkoebsscreening.task;

import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.EngineCommand;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.TaskSubjects;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Clock;
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
 * Handing a task on: to a named colleague in its group (or the group's stand-in), to an absent assignee's stand-in or
 * back to the groups while they are away, and back to the groups when a group's stand-in's period is over. A task
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
    private final GroupStandIns standIns;
    private final GroupStandInRepository standInRecords;
    private final Clock clock;

    HandOver(WorkTaskService tasks, TaskService taskService, EngineTasks engineTasks, TaskSubjects subjects,
             EngineCommand engine, People people, Absences absences, ApplicationEventPublisher events,
             DraftStore drafts, GroupStandIns standIns, GroupStandInRepository standInRecords, Clock clock) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.engineTasks = engineTasks;
        this.subjects = subjects;
        this.engine = engine;
        this.people = people;
        this.absences = absences;
        this.events = events;
        this.drafts = drafts;
        this.standIns = standIns;
        this.standInRecords = standInRecords;
        this.clock = clock;
    }

    /**
     * Hands an open task to a named member of its group or the group's stand-in: the one who has claimed it may, and a
     * coordinator may hand any task, of any group. Not to someone away, and not the requester's question (it is theirs).
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
            if (!mayTake(task, target)) {
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

    /** Whether the person is a member of one of the task's candidate groups or stands in for one today. */
    private boolean mayTake(Task task, String person) {
        Set<String> groups = tasks.candidateGroups(task);
        return standIns.of(groups).contains(person) || groups.stream().anyMatch(group -> people.isMember(group, person));
    }

    /**
     * The present members of the task's candidate groups and the groups' stand-ins of today, for the page's choice of
     * whom to hand it to; empty when everyone is away.
     */
    public List<People.Person> colleagues(String taskId, CurrentUser user) {
        Task task = tasks.openTask(taskId);
        if (!user.isCoordinator()) {
            tasks.authorize(task, user);
        }
        Set<String> groups = tasks.candidateGroups(task);
        Map<String, People.Person> members = new LinkedHashMap<>();
        groups.forEach(group -> people.membersOf(group).forEach(person -> members.putIfAbsent(person.id(), person)));
        standIns.of(groups).forEach(standIn -> members.putIfAbsent(standIn,
                people.person(standIn).orElse(new People.Person(standIn, standIn, null))));
        Set<String> away = absences.awayToday();
        return members.values().stream().filter(person -> !away.contains(person.id())).toList();
    }

    /**
     * An absent user's tasks go to the stand-in they named where the stand-in may take the task (a member of its group,
     * or its group's stand-in, and present), else back to their groups; each recorded in its request's history, and
     * the stand-in told as on any hand-over.
     */
    @Transactional
    public void handOnForAbsence(Absence absence) {
        String username = absence.username();
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
                        String standIn = absence.standIn();
                        if (standIn != null && absences.now(standIn).isEmpty() && mayTake(task, standIn)) {
                            taskService.setAssignee(task.getId(), standIn);
                            tasks.record(HistoryKind.TASK_TO_STAND_IN, task, username, standIn);
                            WorkTask handed = WorkTaskService.toWorkTask(task, tasks.subjectOf(task));
                            if (handed.aboutRequest()) {
                                events.publishEvent(new TaskHandedOver(handed.requestId(), handed.type(), handed.area(), username, standIn));
                            }
                        } else {
                            taskService.setAssignee(task.getId(), null);
                            tasks.record(HistoryKind.TASK_RETURNED_FOR_ABSENCE, task, username, null);
                        }
                    }));
        }
    }

    /**
     * The tasks a group's stand-in took go back to the group once the period is over (or a coordinator ended it),
     * unless the stand-in may take them otherwise (a member, or standing in again); each recorded in its request's
     * history. A stand-in's door closes at the period's end anyway ({@code WorkTaskService#isFor}): this frees the
     * tasks for the group.
     */
    @Transactional
    public void returnTasksOfStandInsWhoseTimeIsOver() {
        for (GroupStandIn over : standInRecords.overWithTasksKept(standIns.today())) {
            for (Task assigned : engineTasks.assignedTo(over.username(), subjects.processKeys())) {
                if (!tasks.mayBeHandedOn(assigned) || tasks.lockRequestIfOpen(assigned.getId()).isEmpty()) {
                    continue;
                }
                engine.run(() -> engineTasks.openTask(assigned.getId())
                        .filter(task -> over.username().equals(task.getAssignee()))
                        .filter(task -> tasks.candidateGroups(task).contains(over.group()) && !mayTake(task, over.username()))
                        .ifPresent(task -> {
                            taskService.setAssignee(task.getId(), null);
                            tasks.record(HistoryKind.TASK_RETURNED_STAND_IN_OVER, task, over.username(), null);
                        }));
            }
            standInRecords.markReturned(over.id(), clock.instant());
        }
    }

}
