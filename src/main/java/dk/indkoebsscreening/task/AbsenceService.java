package dk.indkoebsscreening.task;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.Tenancy;
import java.time.Clock;
import java.time.LocalDate;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.People;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Absence: while a user is away, the tasks assigned to them go to the stand-in they named (a present colleague of their
 * groups) or back to their group, and none can be given to them. Marking an absence that has begun hands the tasks on
 * at once; one that begins later (and a task assigned to them meanwhile) is picked up by the check every few minutes
 * (also after a restart), so nobody's claimed task waits for them through their holiday. The same check hands back
 * the tasks of groups' stand-ins whose period is over and warns the coordinators of a group left without anyone
 * present before a deadline ({@link GroupCover}).
 */
@Service
public class AbsenceService {

    /** An absence further ahead is a typing error more often than a plan. */
    static final int MAX_DAYS_AHEAD = 366;
    private static final Logger log = LoggerFactory.getLogger(AbsenceService.class);

    private final AbsenceRepository absences;
    private final HandOver tasks;
    private final Clock clock;
    private final DeadlineProperties deadlines;
    private final People people;
    private final GroupCover cover;

    /** @param settings bound and checked before the schedule below reads its interval */
    AbsenceService(AbsenceRepository absences, HandOver tasks, Clock clock, DeadlineProperties deadlines,
                   AbsenceProperties settings, People people, GroupCover cover) {
        this.absences = absences;
        this.tasks = tasks;
        this.clock = clock;
        this.deadlines = deadlines;
        this.people = people;
        this.cover = cover;
    }

    /**
     * Whom the user may name as stand-in: the members of their screening groups (an area's experts, the coordinators)
     * who are not away today, themselves left out.
     */
    public List<People.Person> standInChoices(CurrentUser user) {
        Set<String> away = Set.copyOf(absences.awayOn(today()));
        Map<String, People.Person> members = new LinkedHashMap<>();
        user.groups().stream().filter(AbsenceService::screens).sorted()
                .forEach(group -> people.membersOf(group).forEach(person -> members.putIfAbsent(person.id(), person)));
        return members.values().stream()
                .filter(person -> !person.id().equals(user.username()) && !away.contains(person.id())).toList();
    }

    private static boolean screens(String group) {
        return Groups.COORDINATORS.equals(group) || Arrays.stream(Area.values()).anyMatch(area -> area.candidateGroup().equals(group));
    }

    public Optional<Absence> of(String username) {
        return absences.of(username);
    }

    /** The user's absence if it has not ended: now, or to come. */
    public Optional<Absence> notOver(String username) {
        LocalDate today = today();
        return absences.of(username).filter(absence -> !absence.endsOn().isBefore(today));
    }

    @Transactional
    public Absence mark(AbsenceForm form, CurrentUser user) {
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (form.to() != null && form.to().isBefore(today)) {
            problems.add(new FieldProblem("to", "absence.to.past"));
        }
        if (form.from() != null && form.to() != null && form.to().isBefore(form.from())) {
            problems.add(new FieldProblem("to", "absence.to.beforeFrom"));
        }
        if (form.to() != null && form.to().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            problems.add(new FieldProblem("to", "absence.to.tooFar", MAX_DAYS_AHEAD));
        }
        String standIn = form.standIn() == null || form.standIn().isBlank() ? null : form.standIn().strip();
        if (standIn != null && standInChoices(user).stream().noneMatch(person -> person.id().equals(standIn))) {
            problems.add(new FieldProblem("standIn", "absence.standIn.notColleague"));
        }
        if (standIn != null && form.from() != null && form.to() != null) {
            absences.of(standIn).filter(theirs -> theirs.overlaps(form.from(), form.to())).ifPresent(theirs ->
                    problems.add(new FieldProblem("standIn", "absence.standIn.away", people.name(standIn))));
        }
        InvalidInputException.throwIfAny(problems);
        Absence absence = new Absence(user.username(), form.from(), form.to(), standIn);
        absences.save(absence, clock.instant());
        if (absence.covers(today)) {
            tasks.handOnForAbsence(absence);
        }
        cover.check();
        return absence;
    }

    @Transactional
    public void clear(CurrentUser user) {
        absences.delete(user.username());
        cover.check();
    }

    /**
     * In each municipality with absences or stand-ins, acting for it (its users, tasks, history and mails): hands on the
     * tasks of everyone whose absence has begun, each user's in a transaction of its own; then hands back the tasks of
     * stand-ins whose period is over and warns of groups left without anyone.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${indkoeb.absence.check-interval}")
    public void returnTasksOfAbsentUsers() {
        for (String municipality : Tenancy.callAcross(absences::municipalitiesWithAbsences)) {
            Tenancy.runAs(municipality, this::returnTasksOfAbsentUsersOfTheMunicipality);
        }
    }

    private void returnTasksOfAbsentUsersOfTheMunicipality() {
        for (String username : absences.awayOn(today())) {
            try {
                absences.of(username).ifPresent(tasks::handOnForAbsence);
            } catch (RuntimeException e) {
                log.warn("Could not return the tasks of absent user {}: {}", username, e.toString());
            }
        }
        try {
            tasks.returnTasksOfStandInsWhoseTimeIsOver();
            cover.check();
        } catch (RuntimeException e) {
            log.warn("Could not check the groups' stand-ins and cover: {}", e.toString());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(deadlines.zone()));
    }
}
