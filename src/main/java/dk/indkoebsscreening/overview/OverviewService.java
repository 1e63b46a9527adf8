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
import java.util.stream.Stream;
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
    private final Municipalities municipalities;
    /** The latest figures per municipality, and of all together once asked for. */
    private final ConcurrentMap<Whose, Figures> latest = new ConcurrentHashMap<>();
    private final TransactionTemplate transactions;
    private final StatementTimeout statementTimeout;

    OverviewService(Requests requests, AreaScreeningRepository areas, DecisionRepository decisions,
                    DeadlineProperties deadline, Clock clock, OverviewProperties properties, Municipalities municipalities,
                    PlatformTransactionManager transactionManager, StatementTimeout statementTimeout) {
        this.municipalities = municipalities;
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

    /** The latest figures of one municipality, counted now only when there are none younger than the maximum age. */
    public Figures figuresOf(String municipality) {
        return figures(Whose.of(municipality));
    }

    /**
     * The figures of all municipalities together, for the shared organisation: counted across them all, so a median or
     * a share is that of every row rather than an average of each municipality's.
     */
    public Figures figuresOfAll() {
        return figures(Whose.ALL);
    }

    private Figures figures(Whose whose) {
        Figures current = latest.get(whose);
        return isFresh(current) ? current : countUnlessFresh(whose);
    }

    /** Coordinators opening stale figures together wait for one count instead of counting each. */
    private synchronized Figures countUnlessFresh(Whose whose) {
        Figures current = latest.get(whose);
        return isFresh(current) ? current : count(whose);
    }

    private boolean isFresh(Figures figures) {
        return figures != null && !figures.countedAt().plus(maxAge).isBefore(clock.instant());
    }

    /**
     * Keeps the figures younger than the maximum age, so that no coordinator waits for the counting: every
     * municipality's, each acting for it, and all together once the shared organisation has asked for them. A
     * municipality added since the last refresh is counted here, or at its first visit if that comes sooner; one that
     * cannot be counted now keeps its older figures without holding up the others'.
     */
    @Scheduled(initialDelayString = "${indkoeb.overview.refresh-interval}", fixedDelayString = "${indkoeb.overview.refresh-interval}")
    void refresh() {
        Stream<Whose> together = latest.containsKey(Whose.ALL) ? Stream.of(Whose.ALL) : Stream.empty();
        for (Whose whose : Stream.concat(municipalities.all().stream().map(each -> Whose.of(each.id())), together).toList()) {
            try {
                count(whose);
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
