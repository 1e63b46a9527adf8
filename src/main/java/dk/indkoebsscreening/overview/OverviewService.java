package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.decision.DecisionRepository;
import dk.indkoebsscreening.decision.DecisionRepository.MonthOutcome;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.Requests.StatusCount;
import dk.indkoebsscreening.screening.AreaScreeningRepository;
import dk.indkoebsscreening.screening.AreaScreeningRepository.AreaMedian;
import dk.indkoebsscreening.screening.AreaScreeningRepository.WithinDeadline;
import dk.indkoebsscreening.system.StatementTimeout;
import dk.indkoebsscreening.system.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coordinators' figures: where requests stand, how fast areas are screened, what is decided, each
 * from the module that owns the table; per municipality, and of all together for the shared organisation. Bounded to
 * the last 12 months (open requests always count). Counting a year of requests takes a few hundred milliseconds at
 * 100 000 of them, so the page shows the figures computed in the background at most {@code indkoeb.overview.max-age}
 * ago, and says when.
 */
@Service
public class OverviewService {

    private static final Logger log = LoggerFactory.getLogger(OverviewService.class);

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
    private final Duration refreshInterval;
    private final Duration keptWarm;
    private final Municipalities municipalities;
    /** Whether the first refresh since the start has taken every municipality as asked for. */
    private volatile boolean warmedUp;
    /** When each municipality's figures, or all together, were last asked for: the background keeps only these young. */
    private final ConcurrentMap<Whose, Instant> askedAt = new ConcurrentHashMap<>();
    /** One lock per municipality (and all together) that visitors of stale figures wait on. */
    private final ConcurrentMap<Whose, Object> counting = new ConcurrentHashMap<>();
    /** The latest figures per municipality, and of all together once asked for. */
    private final ConcurrentMap<Whose, Figures> latest = new ConcurrentHashMap<>();
    private final TransactionTemplate transactions;
    private final StatementTimeout statementTimeout;

    OverviewService(Requests requests, AreaScreeningRepository areas, DecisionRepository decisions,
                    DeadlineProperties deadline, Clock clock, OverviewProperties properties, Municipalities municipalities,
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
        this.refreshInterval = properties.refreshInterval();
        this.keptWarm = properties.keptWarm();
        this.municipalities = municipalities;
    }

    /** The latest figures of one municipality, counted now only when there are none younger than the maximum age. */
    public Figures figuresOf(String municipality) {
        return figures(Whose.of(municipality));
    }

    /** The page says how old its figures may be: the maximum age in whole minutes, at least one. */
    public long maxAgeInMinutes() {
        return Math.max(1, (maxAge.toSeconds() + 59) / 60);
    }

    /**
     * The figures of all municipalities together, for the shared organisation: counted across them all, so a median or
     * a share is that of every row rather than an average of each municipality's.
     */
    public Figures figuresOfAll() {
        return figures(Whose.ALL);
    }

    private Figures figures(Whose whose) {
        askedAt.put(whose, clock.instant());
        Figures current = latest.get(whose);
        return isFresh(current) ? current : countUnlessFresh(whose);
    }

    /**
     * Coordinators opening the same stale figures together wait for one count instead of counting each; those of other
     * municipalities count at the same time.
     */
    private Figures countUnlessFresh(Whose whose) {
        synchronized (lockOf(whose)) {
            Figures current = latest.get(whose);
            return isFresh(current) ? current : count(whose);
        }
    }

    private Object lockOf(Whose whose) {
        return counting.computeIfAbsent(whose, each -> new Object());
    }

    private boolean isFresh(Figures figures) {
        return figures != null && !figures.countedAt().plus(maxAge).isBefore(clock.instant());
    }

    /**
     * Keeps the figures that people look at younger than the maximum age, so that no coordinator waits for the counting:
     * those asked for within the last {@code kept-warm}, each counted when it could pass the maximum age before the refresh
     * after next has reached it; after a start, every municipality's, as if just asked for, so no first visit of the day waits.
     * The background's work thus follows the dashboards in use, not the number of municipalities; a municipality whose
     * dashboard nobody opened for longer (or one added since the start) is counted at its next visit. One that cannot be
     * counted now keeps its older figures without holding up the others'.
     */
    @Scheduled(initialDelayString = "${indkoeb.overview.refresh-interval}", fixedDelayString = "${indkoeb.overview.refresh-interval}")
    void refresh() {
        Instant now = clock.instant();
        if (!warmedUp) {
            municipalities.all().forEach(municipality -> askedAt.putIfAbsent(Whose.of(municipality.id()), now));
            warmedUp = true;
        }
        askedAt.values().removeIf(asked -> asked.plus(keptWarm).isBefore(now));
        // The next refresh starts an interval after this one ends, and reaches a municipality only after those before it.
        Instant secondNextRefresh = now.plus(refreshInterval).plus(refreshInterval);
        for (Whose whose : List.copyOf(askedAt.keySet())) {
            Figures current = latest.get(whose);
            if (current != null && current.countedAt().plus(maxAge).isAfter(secondNextRefresh)) {
                continue;
            }
            try {
                // Visitors of these figures meanwhile wait for this count rather than counting too.
                synchronized (lockOf(whose)) {
                    count(whose);
                }
            } catch (RuntimeException e) {
                log.warn("Could not count the overview's figures of {}: {}", whose, e.toString());
            }
        }
    }

    /** Counts one municipality's figures afresh (public for the growth benchmark, which times it). */
    public Figures count(String municipality) {
        return count(Whose.of(municipality));
    }

    /** Counts afresh in the scope of {@code whose}, where row-level security gives exactly its rows; the latest figures are then these. */
    private Figures count(Whose whose) {
        Instant now = clock.instant();
        Instant since = ZonedDateTime.ofInstant(now, deadline.zone())
                .minusMonths(MONTHS - 1).withDayOfMonth(1).toLocalDate().atStartOfDay(deadline.zone()).toInstant();
        // Counting a year of every request is the one reading that may outgrow the application's statement timeout.
        Figures figures = whose.callIn(() -> transactions.execute(status -> {
            statementTimeout.extendTo(COUNTING_TIMEOUT);
            return new Figures(requests.countByStatus(since), areas.screenedWithinDeadline(since),
                    areas.medianScreeningHoursByArea(since), decisions.outcomesByMonth(since, deadline.zone()), now);
        }));
        // A count that started earlier but ended later (the page's and the schedule's) does not replace a newer one.
        return latest.merge(whose, figures, (kept, counted) -> kept.countedAt().isAfter(counted.countedAt()) ? kept : counted);
    }

    /** Whose figures are counted: one municipality's, acting for it, or all together ({@code null}), across them all. */
    private record Whose(String municipality) {

        static final Whose ALL = new Whose(null);

        static Whose of(String municipality) {
            return new Whose(Objects.requireNonNull(municipality));
        }

        <T> T callIn(Supplier<T> counting) {
            return municipality == null ? Tenancy.callAcross(counting) : Tenancy.callAs(municipality, counting);
        }

        @Override
        public String toString() {
            return municipality == null ? "all municipalities" : "municipality " + municipality;
        }
    }
}
