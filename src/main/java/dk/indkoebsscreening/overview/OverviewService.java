package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.decision.DecisionRepository;
import dk.indkoebsscreening.decision.DecisionRepository.MonthOutcome;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.Requests.StatusCount;
import dk.indkoebsscreening.screening.AreaScreeningRepository;
import dk.indkoebsscreening.screening.AreaScreeningRepository.AreaMedian;
import dk.indkoebsscreening.screening.AreaScreeningRepository.WithinDeadline;
import dk.indkoebsscreening.system.StatementTimeout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coordinators' figures: where requests stand, how fast areas are screened, what is decided, each
 * from the module that owns the table. Bounded to the last 12 months (open requests always count).
 * Counting a year of requests takes a few hundred milliseconds at 100 000 of them, so the page shows the
 * figures computed in the background at most {@code indkoeb.overview.max-age} ago, and says when.
 */
@Service
public class OverviewService {

    static final int MONTHS = 12;
    /** The counting runs in the background and took about a second at 100 000 requests (BENCHMARKS.md). */
    private static final Duration COUNTING_TIMEOUT = Duration.ofMinutes(1);

    /** The figures as counted at one moment. */
    public record Figures(List<StatusCount> byStatus, WithinDeadline withinDeadline, List<AreaMedian> medianHoursByArea,
                          List<MonthOutcome> outcomesByMonth, Instant countedAt) {
    }

    private final Requests requests;
    private final AreaScreeningRepository areas;
    private final DecisionRepository decisions;
    private final DeadlineProperties deadline;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicReference<Figures> latest = new AtomicReference<>();
    private final TransactionTemplate transactions;
    private final StatementTimeout statementTimeout;

    OverviewService(Requests requests, AreaScreeningRepository areas, DecisionRepository decisions,
                    DeadlineProperties deadline, Clock clock, OverviewProperties properties,
                    PlatformTransactionManager transactionManager, StatementTimeout statementTimeout) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.statementTimeout = statementTimeout;
        this.requests = requests;
        this.areas = areas;
        this.decisions = decisions;
        this.deadline = deadline;
        this.clock = clock;
        this.maxAge = properties.maxAge();
    }

    /** The latest figures, counted now only when there are none younger than the maximum age. */
    public Figures figures() {
        Figures current = latest.get();
        return isFresh(current) ? current : countUnlessFresh();
    }

    /** Coordinators opening stale figures together wait for one count instead of counting each. */
    private synchronized Figures countUnlessFresh() {
        Figures current = latest.get();
        return isFresh(current) ? current : count();
    }

    private boolean isFresh(Figures figures) {
        return figures != null && !figures.countedAt().plus(maxAge).isBefore(clock.instant());
    }

    /**
     * Keeps the figures younger than the maximum age, so that no coordinator waits for the counting. Outside any scope,
     * so it counts the installation's municipality, whose coordinators read the one set of figures held here: the
     * figures per municipality come with the increment that signs users in per municipality.
     */
    @Scheduled(initialDelayString = "${indkoeb.overview.refresh-interval}", fixedDelayString = "${indkoeb.overview.refresh-interval}")
    void refresh() {
        count();
    }

    /** Counts afresh; the latest figures are then these (public for the growth benchmark, which times it). */
    public Figures count() {
        Instant now = clock.instant();
        Instant since = ZonedDateTime.ofInstant(now, deadline.zone())
                .minusMonths(MONTHS - 1).withDayOfMonth(1).toLocalDate().atStartOfDay(deadline.zone()).toInstant();
        // Counting a year of every request is the one reading that may outgrow the application's statement timeout.
        Figures figures = transactions.execute(status -> {
            statementTimeout.extendTo(COUNTING_TIMEOUT);
            return new Figures(requests.countByStatus(since), areas.screenedWithinDeadline(since),
                    areas.medianScreeningHoursByArea(since), decisions.outcomesByMonth(since, deadline.zone()), now);
        });
        // A count that started earlier but ended later (the page's and the schedule's) does not replace a newer one.
        return latest.accumulateAndGet(figures, (kept, counted) ->
                kept != null && kept.countedAt().isAfter(counted.countedAt()) ? kept : counted);
    }
}
