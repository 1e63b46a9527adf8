package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.decision.DecisionRepository;
import dk.indkoebsscreening.decision.DecisionRepository.MonthOutcome;
import dk.indkoebsscreening.request.RequestRepository;
import dk.indkoebsscreening.request.RequestRepository.StatusCount;
import dk.indkoebsscreening.screening.AreaScreeningRepository;
import dk.indkoebsscreening.screening.AreaScreeningRepository.AreaMedian;
import dk.indkoebsscreening.screening.AreaScreeningRepository.WithinDeadline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The coordinators' figures: where requests stand, how fast areas are screened, what is decided, each
 * from the module that owns the table. Bounded to the last 12 months (open requests always count), so the
 * page costs the same after years of use (see the growth benchmark in BENCHMARKS.md).
 */
@Service
public class OverviewService {

    static final int MONTHS = 12;

    private final RequestRepository requests;
    private final AreaScreeningRepository areas;
    private final DecisionRepository decisions;
    private final DeadlineProperties deadline;
    private final Clock clock;

    OverviewService(RequestRepository requests, AreaScreeningRepository areas, DecisionRepository decisions,
                    DeadlineProperties deadline, Clock clock) {
        this.requests = requests;
        this.areas = areas;
        this.decisions = decisions;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** The start of the period: the first day of the month eleven months back, in the deadline's zone. */
    private Instant since() {
        return ZonedDateTime.ofInstant(clock.instant(), deadline.zone())
                .minusMonths(MONTHS - 1).withDayOfMonth(1).toLocalDate().atStartOfDay(deadline.zone()).toInstant();
    }

    public List<StatusCount> requestsByStatus() {
        return requests.countByStatus(since());
    }

    public WithinDeadline screenedWithinDeadline() {
        return areas.screenedWithinDeadline(since());
    }

    public List<AreaMedian> medianScreeningHoursByArea() {
        return areas.medianScreeningHoursByArea(since());
    }

    public List<MonthOutcome> outcomesByMonth() {
        return decisions.outcomesByMonth(since(), deadline.zone());
    }
}
