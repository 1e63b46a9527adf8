package dk.indkoebsscreening.task;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Absence: while a user is away, the tasks assigned to them go back to their group and none can be given to them.
 * Marking an absence that has begun returns the tasks at once; one that begins later is picked up by the check
 * every few minutes (also after a restart), so nobody's claimed task waits for them through their holiday.
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

    /** @param settings bound and checked before the schedule below reads its interval */
    AbsenceService(AbsenceRepository absences, HandOver tasks, Clock clock, DeadlineProperties deadlines,
                   AbsenceProperties settings) {
        this.absences = absences;
        this.tasks = tasks;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    public Optional<Absence> of(String username) {
        return absences.of(username);
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
        InvalidInputException.throwIfAny(problems);
        Absence absence = new Absence(user.username(), form.from(), form.to());
        absences.save(absence, clock.instant());
        if (absence.covers(today)) {
            tasks.returnAssignedToGroups(user.username());
        }
        return absence;
    }

    @Transactional
    public void clear(CurrentUser user) {
        absences.delete(user.username());
    }

    /** Returns the tasks of everyone whose absence has begun; each user's in a transaction of its own. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${indkoeb.absence.check-interval}")
    public void returnTasksOfAbsentUsers() {
        for (String username : absences.awayOn(today())) {
            try {
                tasks.returnAssignedToGroups(username);
            } catch (RuntimeException e) {
                log.warn("Could not return the tasks of absent user {}: {}", username, e.toString());
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(deadlines.zone()));
    }
}
