package dk.indkoebsscreening.task;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.TaskSubject;
import dk.indkoebsscreening.process.TaskSubjects;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether every group has someone present before its tasks' deadlines. A group is left without anyone on the days all
 * its members are away (one absence per user: the days their absences share); if those days come before the deadline
 * of an open task of the group and no stand-in of the group covers them, the coordinators are warned, once per group
 * and period ({@link GroupLeftUncovered}, mailed through the outbox; in their inbox while it lasts). A coordinator may
 * appoint a temporary stand-in for the group: someone who takes part in screening, so may read every request the
 * group's tasks are about, and is not away then; while the period lasts the stand-in gets the group's open tasks as
 * if a member ({@link GroupStandIns}), and not a day longer.
 */
@Service
public class GroupCover {

    /** The groups whose tasks have deadlines people must meet: the coordinators and each area's experts. */
    static final List<String> GROUPS = Stream.concat(Stream.of(Groups.COORDINATORS),
            Stream.of(Area.values()).map(Area::candidateGroup)).toList();

    private final EngineTasks engineTasks;
    private final TaskSubjects subjects;
    private final People people;
    private final AbsenceRepository absences;
    private final GroupStandInRepository standIns;
    private final GroupGapRepository gaps;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    GroupCover(EngineTasks engineTasks, TaskSubjects subjects, People people, AbsenceRepository absences,
               GroupStandInRepository standIns, GroupGapRepository gaps, ApplicationEventPublisher events, Clock clock,
               DeadlineProperties deadlines) {
        this.engineTasks = engineTasks;
        this.subjects = subjects;
        this.people = people;
        this.absences = absences;
        this.standIns = standIns;
        this.gaps = gaps;
        this.events = events;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    static Area areaOf(String group) {
        return Stream.of(Area.values()).filter(area -> area.candidateGroup().equals(group)).findFirst().orElse(null);
    }

    /**
     * A warning with the very tasks it is about: the group's open tasks due on or after the first day nobody is
     * present, soonest first, as they are now (one completed meanwhile is not counted).
     */
    public record Warning(GroupGap gap, List<WorkTask> tasks) {
    }

    /** The warnings in force: not covered since, not over, and with a task still waiting. */
    public List<Warning> warnings() {
        LocalDate today = today();
        return gaps.unresolvedEndingFrom(today).stream().map(gap -> new Warning(gap, dueWhileAway(gap.group(), gap.from(), today)))
                .filter(warning -> !warning.tasks().isEmpty()).toList();
    }

    /** Stand-ins of groups in force or to come, and those over within the last month (the record). */
    public List<GroupStandIn> standIns() {
        return standIns.endingFrom(today().minusMonths(1));
    }

    /** The groups' stand-ins in force today. */
    public List<GroupStandIn> activeStandIns() {
        return standIns.activeOn(today());
    }

    /** Who is or will be away, with the stand-in each named. */
    public List<Absence> absences() {
        return absences.endingFrom(today());
    }

    /** The groups the user stands in for now or later. */
    public List<GroupStandIn> standingInFor(String username) {
        LocalDate today = today();
        return standIns.endingFrom(today).stream()
                .filter(standIn -> standIn.username().equals(username) && standIn.currentOrComing(today)).toList();
    }

    /**
     * Whom a coordinator may appoint for a group: whoever takes part in screening (coordinators and every area's
     * experts, who read every request), not already a member of the group.
     */
    public List<People.Person> candidates(String group) {
        Set<String> members = people.membersOf(group).stream().map(People.Person::id).collect(Collectors.toSet());
        return everyoneWhoScreens().stream().filter(person -> !members.contains(person.id())).toList();
    }

    /** The coordinators and every area's experts, by name. */
    public List<People.Person> everyoneWhoScreens() {
        Map<String, People.Person> everyone = new LinkedHashMap<>();
        GROUPS.forEach(group -> people.membersOf(group).forEach(person -> everyone.putIfAbsent(person.id(), person)));
        return everyone.values().stream().sorted(Comparator.comparing(People.Person::name)).toList();
    }

    /** What the coordinators' page and API show: the warnings, the groups' stand-ins and who is away. */
    public record Overview(List<Warning> warnings, List<GroupStandIn> standIns, List<Absence> absences) {
    }

    public Overview overview(CurrentUser user) {
        requireCoordinator(user);
        return new Overview(warnings(), standIns(), absences());
    }

    @Transactional
    public GroupStandIn appoint(StandInForm form, CurrentUser user) {
        requireCoordinator(user);
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (!GROUPS.contains(form.group())) {
            problems.add(new FieldProblem("group", "standIn.group.unknown"));
        } else if (candidates(form.group()).stream().noneMatch(person -> person.id().equals(form.username()))) {
            problems.add(new FieldProblem("username", "standIn.username.notCandidate"));
        }
        if (form.to().isBefore(today)) {
            problems.add(new FieldProblem("to", "absence.to.past"));
        }
        if (form.to().isBefore(form.from())) {
            problems.add(new FieldProblem("to", "absence.to.beforeFrom"));
        }
        if (form.to().isAfter(today.plusDays(AbsenceService.MAX_DAYS_AHEAD))) {
            problems.add(new FieldProblem("to", "absence.to.tooFar", AbsenceService.MAX_DAYS_AHEAD));
        }
        absences.of(form.username()).filter(theirs -> theirs.overlaps(form.from(), form.to())).ifPresent(theirs ->
                problems.add(new FieldProblem("username", "absence.standIn.away", people.name(form.username()))));
        // A second period sharing days with one in force would keep the door open when a coordinator ends the first.
        if (standIns.endingFrom(today).stream().anyMatch(theirs -> theirs.endedAt() == null && theirs.group().equals(form.group())
                && theirs.username().equals(form.username()) && theirs.overlaps(form.from(), form.to()))) {
            problems.add(new FieldProblem("username", "standIn.username.already", people.name(form.username())));
        }
        InvalidInputException.throwIfAny(problems);
        GroupStandIn standIn = new GroupStandIn(UUID.randomUUID(), form.group(), form.username(),
                form.from().isBefore(today) ? today : form.from(), form.to(), user.username(), clock.instant(), null, null);
        standIns.insert(standIn);
        check();
        return standIn;
    }

    /**
     * Ends a stand-in's period now; the tasks they took go back to the group at the next check. One whose last day has
     * passed stays as it was: the record says a coordinator ended it only when one did, before its last day.
     */
    @Transactional
    public void end(UUID id, CurrentUser user) {
        requireCoordinator(user);
        GroupStandIn standIn = standIns.find(id).orElseThrow(() -> new NotFoundException("No stand-in " + id));
        if (standIn.currentOrComing(today())) {
            standIns.end(standIn.id(), user.username(), clock.instant());
            check();
        }
    }

    private static void requireCoordinator(CurrentUser user) {
        if (!user.isCoordinator()) {
            throw new AccessDeniedException(user.username() + " may not appoint or end a group's stand-in");
        }
    }

    /** Warns of each group left without anyone before a deadline, once per group and period; settles the rest. */
    @Transactional
    public void check() {
        LocalDate today = today();
        for (String group : GROUPS) {
            Optional<GroupGap> gap = gapOf(group, today);
            if (gap.isEmpty()) {
                gaps.settleAll(group, clock.instant());
                continue;
            }
            GroupGap found = gap.get();
            gaps.settleOthers(group, found.from(), found.to(), clock.instant());
            if (gaps.warn(found, clock.instant())) {
                events.publishEvent(new GroupLeftUncovered(found.area(), group, found.from(), found.to(),
                        firstRequest(group, found), found.firstDue(), found.openTasks()));
            }
        }
    }

    /** The days all the group's members are away, if some open task of the group is due on or after the first of them. */
    private Optional<GroupGap> gapOf(String group, LocalDate today) {
        List<People.Person> members = people.membersOf(group);
        if (members.isEmpty()) {
            return Optional.empty(); // a group without members is the administrators' to fill, not an absence
        }
        LocalDate from = LocalDate.MIN;
        LocalDate to = LocalDate.MAX;
        for (People.Person member : members) {
            Optional<Absence> absence = absences.of(member.id());
            if (absence.isEmpty()) {
                return Optional.empty();
            }
            from = absence.get().startsOn().isAfter(from) ? absence.get().startsOn() : from;
            to = absence.get().endsOn().isBefore(to) ? absence.get().endsOn() : to;
        }
        LocalDate firstAway = from.isBefore(today) ? today : from;
        if (to.isBefore(firstAway)) {
            return Optional.empty();
        }
        List<WorkTask> due = dueWhileAway(group, from, today);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        // Covered up to the last of those deadlines that falls while they are away (after it, the group is back).
        LocalDate lastDay = day(due.get(due.size() - 1).due());
        LocalDate coverUntil = lastDay.isBefore(to) ? lastDay : to;
        if (coveredByStandIn(group, firstAway, coverUntil)) {
            return Optional.empty();
        }
        return Optional.of(new GroupGap(UUID.randomUUID(), areaOf(group), group, from, to, due.get(0).due(), due.size()));
    }

    private boolean coveredByStandIn(String group, LocalDate from, LocalDate to) {
        return standIns.endingFrom(from).stream().anyMatch(standIn -> standIn.group().equals(group) && standIn.endedAt() == null
                && !standIn.startsOn().isAfter(from) && !standIn.endsOn().isBefore(to)
                && absences.of(standIn.username()).filter(theirs -> theirs.overlaps(from, to)).isEmpty()
                && everyoneWhoScreens().stream().anyMatch(person -> person.id().equals(standIn.username())));
    }

    /** The group's open tasks due on or after the first day of the gap still to come, soonest first. */
    private List<WorkTask> dueWhileAway(String group, LocalDate from, LocalDate today) {
        LocalDate firstAway = from.isBefore(today) ? today : from;
        List<Task> due = engineTasks.offeredTo(group, subjects.processKeys()).stream()
                .filter(task -> task.getDueDate() != null && !day(task.getDueDate().toInstant()).isBefore(firstAway))
                .sorted(Comparator.comparing(Task::getDueDate)).toList();
        Map<String, TaskSubject> byInstance = subjects.of(due);
        return due.stream().filter(task -> byInstance.containsKey(task.getProcessInstanceId()))
                .map(task -> WorkTaskService.toWorkTask(task, byInstance.get(task.getProcessInstanceId()))).toList();
    }

    private UUID firstRequest(String group, GroupGap gap) {
        return dueWhileAway(group, gap.from(), today()).stream().filter(WorkTask::aboutRequest).map(WorkTask::requestId)
                .findFirst().orElse(null);
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
