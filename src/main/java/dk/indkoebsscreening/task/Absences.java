package dk.indkoebsscreening.task;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Who is away today, in the municipality's time zone: nobody takes or is given a task while away. */
@Component
class Absences {

    private final AbsenceRepository absences;
    private final Clock clock;
    private final ZoneId zone;

    Absences(AbsenceRepository absences, Clock clock, DeadlineProperties deadlines) {
        this.absences = absences;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    Optional<Absence> now(String username) {
        LocalDate today = today();
        return absences.of(username).filter(absence -> absence.covers(today));
    }

    Set<String> awayToday() {
        return Set.copyOf(absences.awayOn(today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
