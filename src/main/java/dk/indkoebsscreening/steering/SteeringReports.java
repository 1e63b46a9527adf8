package dk.indkoebsscreening.steering;

import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.register.ScreeningOfSystems;
import dk.indkoebsscreening.request.FundingSource;
import dk.indkoebsscreening.satisfaction.SatisfactionSurveys;
import dk.indkoebsscreening.steering.SteeringRows.AreaRow;
import dk.indkoebsscreening.steering.SteeringRows.ConditionRow;
import dk.indkoebsscreening.steering.SteeringRows.RequestRow;
import dk.indkoebsscreening.system.Tenancy;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steering group's report for a period: what came in, was decided and withdrawn, how fast, where requests waited,
 * where the coordinators decided against the recommendation, the conditions still open, and the approved purchases'
 * value by who pays; of one municipality, or of all the shared organisation's together. Durations are in working days
 * (the deadline's calendar: weekends, holidays, the municipality's closed days), counted from the day after the start to
 * the day of the end, so a request submitted on a Monday and decided on the Friday took 4.
 */
@Service
public class SteeringReports {

    /** A duration's figures: how many, the median and the 90th percentile (nearest rank); null when there are none. */
    public record Durations(int count, Double median, Integer percentile90) {

        static Durations of(Collection<Integer> days) {
            List<Integer> sorted = days.stream().sorted().toList();
            int n = sorted.size();
            if (n == 0) {
                return new Durations(0, null, null);
            }
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            return new Durations(n, median, sorted.get((int) Math.ceil(0.9 * n) - 1));
        }
    }

    /** A department's (or, across municipalities, a municipality's department's) figures. */
    public record DepartmentFigures(String department, int submitted, int decided, int withdrawn, int late,
                                    Integer onTimePercent, Durations days) {
    }

    public record AreaFigures(Area area, int screened, int late, Durations days) {
    }

    /** Where requests decided in the period spent their time: triage, the requester's answers, the areas, the decision. */
    public record Wait(String phase, Durations days) {
    }

    /** The approved purchases' lifetime value paid by one source (a pool or fund by name). */
    public record Paid(FundingSource source, String name, int count, BigDecimal valueDkk) {
    }

    /** The requesters' answers given in the period: how many gave each score (index 0 is 1), the average, and each answer. */
    public record Satisfaction(int answers, Double average, List<Integer> byScore, List<SatisfactionSurveys.Answer> each) {

        static Satisfaction of(List<SatisfactionSurveys.Answer> answers) {
            List<Integer> byScore = new ArrayList<>(List.of(0, 0, 0, 0, 0));
            answers.forEach(answer -> byScore.set(answer.score() - 1, byScore.get(answer.score() - 1) + 1));
            Double average = answers.isEmpty() ? null
                    : Math.round(10.0 * answers.stream().mapToInt(SatisfactionSurveys.Answer::score).average().orElseThrow()) / 10.0;
            return new Satisfaction(answers.size(), average, List.copyOf(byScore), answers);
        }
    }

    public record Report(ReportPeriod period, int submitted, int decided, int approved, int rejected, int withdrawn,
                         int late, Integer onTimePercent, Durations days, List<DepartmentFigures> departments,
                         List<AreaFigures> areas, List<Wait> waits, List<RequestRow> overrides, int conditionsOpen,
                         int conditionsOverdue, int requestsWithConditionsOpen, List<Paid> approvedByFunding,
                         BigDecimal approvedValueDkk, Satisfaction satisfaction, List<ScreeningOfSystems.Unscreened> unscreened,
                         Instant countedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(SteeringReports.class);
    /** Reports kept at most: a few hundred, each small (25 municipalities' quarters and years, and all together). */
    private static final int KEPT = 200;
    /** See {@link #dueAgain}. */
    private static final Duration RECOUNT_AFTER = Duration.ofMinutes(5);

    /** The phases of {@link Wait}, in the order a request passes them. */
    static final List<String> PHASES = List.of("TRIAGE", "REQUESTER", "AREAS", "DECISION");

    private final SteeringRows rows;
    private final DeadlineCalculator calendar;
    private final ZoneId zone;
    private final Municipalities municipalities;
    private final TransactionTemplate reading;
    private final SatisfactionSurveys surveys;
    private final ScreeningOfSystems systems;
    private final Clock clock;
    /**
     * The reports counted lately, per municipality (or all) and period, the least lately asked for left out beyond {@link
     * #KEPT}: a custom period someone tries once does not push out the quarters everyone looks at.
     */
    private final Map<String, Counted> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Counted> eldest) {
            return size() > KEPT;
        }
    });
    /** The counts under way, by report: a second visitor waits for the first's count. */
    private final ConcurrentMap<String, CompletableFuture<Counted>> inFlight = new ConcurrentHashMap<>();
    /**
     * Counts reports again after a change, one at a time, so that a busy morning does not take every core. Its queue holds
     * at most one count per report (a report with a count under way or queued queues no other).
     */
    private final ExecutorService background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "steering-report-count");
                thread.setDaemon(true);
                return thread;
            });

    SteeringReports(SteeringRows rows, DeadlineCalculator calendar, DeadlineProperties deadline, Municipalities municipalities,
                    PlatformTransactionManager transactions, SatisfactionSurveys surveys, ScreeningOfSystems systems, Clock clock) {
        this.rows = rows;
        this.clock = clock;
        this.systems = systems;
        this.surveys = surveys;
        this.calendar = calendar;
        this.zone = deadline.zone();
        this.municipalities = municipalities;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        // One snapshot for the reads of one report, so its figures agree with each other.
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The period's rows of one municipality, or of all ({@code municipality} empty), read in one snapshot. */
    private record Read(List<RequestRow> requests, List<AreaRow> areas, List<ConditionRow> conditions,
                        List<SatisfactionSurveys.Answer> answers, List<ScreeningOfSystems.Unscreened> unscreened) {
    }

    /** @param whole the survey's answers and the unscreened systems too (the report); a drill-down needs neither */
    private Read read(ReportPeriod period, Optional<String> municipality, boolean whole) {
        Instant start = period.start(zone);
        Instant end = period.end(zone);
        return inScope(municipality, () -> {
            SteeringRows.PeriodRows requestsAndAreas = rows.period(start, end);
            return new Read(requestsAndAreas.requests(), requestsAndAreas.areas(), rows.conditions(start, end),
                    whole ? surveys.answeredBetween(start, end) : List.of(), whole ? systems.unscreened(start, end) : List.of());
        });
    }

    /** Reads in one snapshot, acting for one municipality, or across all ({@code municipality} empty). */
    private <T> T inScope(Optional<String> municipality, Supplier<T> reads) {
        Supplier<T> inOneTransaction = () -> reading.execute(status -> reads.get());
        return municipality.map(one -> Tenancy.callAs(one, inOneTransaction)).orElseGet(() -> Tenancy.callAcross(inOneTransaction));
    }

    /** A report as counted, and what the data's change stamp was then. */
    private record Counted(String stamp, Report report) {
    }

    /** The report to show, and whether something it counts has changed since, so that newer figures are being counted. */
    public record Latest(Report report, boolean recounting) {
    }

    /**
     * The report as last counted, without waiting: a year of 20,000 requests takes over half a second to count and a look
     * at the data's change stamp ({@link SteeringRows#changeStamp}) a millisecond. When something it counts has changed
     * since, the report is counted again in the background and this one is returned saying so; the next view shows the
     * new figures. Only the first view of a period (since the start, or since it was left out of those kept) waits.
     */
    public Latest report(ReportPeriod period, Optional<String> municipality) {
        String key = key(period, municipality);
        String now = inScope(municipality, rows::changeStamp);
        Counted last = kept.get(key);
        if (last == null) {
            return new Latest(countOnce(key, now, period, municipality).report(), false);
        }
        boolean changed = !last.stamp().equals(now);
        if (changed || dueAgain(last)) {
            countInBackground(key, now, period, municipality);
        }
        return new Latest(last.report(), changed);
    }

    /** The report with every change counted, counted now unless the kept one is current (the PDF and the CSV for the meeting). */
    public Report newestReport(ReportPeriod period, Optional<String> municipality) {
        String key = key(period, municipality);
        String now = inScope(municipality, rows::changeStamp);
        Counted last = kept.get(key);
        if (last != null && last.stamp().equals(now) && !dueAgain(last)) {
            return last.report();
        }
        // Not joined to a count under way: that one may have read the data before the change this one is to show.
        Counted counted = new Counted(now, count(period, municipality));
        keep(key, counted);
        return counted.report();
    }

    /**
     * Two steps' events may commit in the other order than their sequence numbers, so a count between the two commits
     * carries the later stamp without the earlier step. The window is milliseconds; counting a report again once it is
     * {@link #RECOUNT_AFTER} old, however its stamp, bounds what it could hide.
     */
    private boolean dueAgain(Counted counted) {
        return counted.report().countedAt().plus(RECOUNT_AFTER).isBefore(clock.instant());
    }

    private static String key(ReportPeriod period, Optional<String> municipality) {
        return municipality.orElse("*") + "|" + period.first() + "|" + period.last();
    }

    /** Keeps the later of two counts of a report, whichever finishes last. */
    private void keep(String key, Counted counted) {
        kept.merge(key, counted, (old, fresh) -> fresh.report().countedAt().isBefore(old.report().countedAt()) ? old : fresh);
    }

    /**
     * Counts the report and keeps it under the change stamp read before the count (a change in between only makes the
     * next view count again); people asking for the same report meanwhile wait for this count rather than counting too.
     */
    private Counted countOnce(String key, String stamp, ReportPeriod period, Optional<String> municipality) {
        CompletableFuture<Counted> mine = new CompletableFuture<>();
        CompletableFuture<Counted> running = inFlight.putIfAbsent(key, mine);
        if (running == null) {
            return countInto(mine, key, stamp, period, municipality);
        }
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void countInBackground(String key, String stamp, ReportPeriod period, Optional<String> municipality) {
        CompletableFuture<Counted> mine = new CompletableFuture<>();
        if (inFlight.putIfAbsent(key, mine) != null) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    countInto(mine, key, stamp, period, municipality);
                } catch (RuntimeException e) {
                    // The older figures stay shown, saying newer are being counted; the next view tries again.
                    log.warn("Could not count the steering report {} again", key, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Only when shutting down.
            inFlight.remove(key, mine);
            mine.completeExceptionally(e);
        }
    }

    private Counted countInto(CompletableFuture<Counted> mine, String key, String stamp, ReportPeriod period,
                              Optional<String> municipality) {
        try {
            Counted counted = new Counted(stamp, count(period, municipality));
            keep(key, counted);
            mine.complete(counted);
            return counted;
        } catch (Throwable e) {
            // Whatever it was, those waiting for this count hear of it rather than wait for ever.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
        inFlight.values().forEach(waited -> waited.completeExceptionally(new IllegalStateException("Shutting down")));
    }

    /** Counts a report afresh, whatever was kept (public for the growth benchmark, which times it). */
    public Report count(ReportPeriod period, Optional<String> municipality) {
        Instant countedAt = clock.instant();
        Read read = read(period, municipality, true);
        Instant start = period.start(zone);
        Instant end = period.end(zone);
        List<RequestRow> decided = read.requests().stream().filter(row -> row.decidedWithin(start, end)).toList();
        Map<String, String> names = municipality.isPresent() ? Map.of() : names();

        Map<String, List<RequestRow>> byDepartment = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        read.requests().forEach(row -> byDepartment.computeIfAbsent(department(row, names), key -> new ArrayList<>()).add(row));
        List<DepartmentFigures> departments = byDepartment.entrySet().stream().map(entry -> {
            List<RequestRow> its = entry.getValue();
            List<RequestRow> itsDecided = its.stream().filter(row -> row.decidedWithin(start, end)).toList();
            return new DepartmentFigures(entry.getKey(), count(its, row -> row.submittedWithin(start, end)), itsDecided.size(),
                    count(its, row -> row.withdrawnWithin(start, end)), count(itsDecided, RequestRow::decidedLate),
                    onTimePercent(itsDecided), decisionDays(itsDecided));
        }).filter(row -> row.submitted() + row.decided() + row.withdrawn() > 0).toList();

        Map<Area, List<AreaRow>> byArea = new EnumMap<>(Area.class);
        read.areas().forEach(row -> byArea.computeIfAbsent(row.area(), key -> new ArrayList<>()).add(row));
        List<AreaFigures> areas = byArea.entrySet().stream().map(entry -> new AreaFigures(entry.getKey(), entry.getValue().size(),
                (int) entry.getValue().stream().filter(AreaRow::late).count(),
                Durations.of(entry.getValue().stream().map(row -> days(row.startedAt(), row.completedAt())).toList()))).toList();

        Map<UUID, List<ConditionRow>> conditionsByRequest = read.conditions().stream()
                .collect(Collectors.groupingBy(ConditionRow::requestId));
        int conditionsOpen = (int) read.conditions().stream().filter(ConditionRow::open).count();
        int conditionsOverdue = (int) read.conditions().stream().filter(ConditionRow::overdue).count();
        int requestsWithOpen = (int) conditionsByRequest.values().stream().filter(list -> list.stream().anyMatch(ConditionRow::open)).count();

        Map<List<Object>, List<RequestRow>> byPayer = new LinkedHashMap<>();
        decided.stream().filter(RequestRow::approved)
                .sorted(Comparator.comparing((RequestRow row) -> row.purchaseFunding() == null ? FundingSource.values().length
                        : row.purchaseFunding().ordinal()).thenComparing(row -> Objects.toString(row.purchaseFundingName(), "")))
                // One pool however its name was capitalised: "Digitaliseringspuljen" and "digitaliseringspuljen" are one.
                .forEach(row -> byPayer.computeIfAbsent(java.util.Arrays.asList(row.purchaseFunding(),
                        row.purchaseFundingName() == null ? null : row.purchaseFundingName().toLowerCase(Locale.ROOT)),
                        key -> new ArrayList<>()).add(row));
        List<Paid> paid = byPayer.values().stream().map(rowsOfOne -> new Paid(rowsOfOne.get(0).purchaseFunding(),
                rowsOfOne.get(0).purchaseFundingName(), rowsOfOne.size(), sum(rowsOfOne))).toList();

        return new Report(period, count(read.requests(), row -> row.submittedWithin(start, end)), decided.size(),
                count(decided, RequestRow::approved), count(decided, row -> row.outcome() == Verdict.REJECTED),
                count(read.requests(), row -> row.withdrawnWithin(start, end)), count(decided, RequestRow::decidedLate),
                onTimePercent(decided), decisionDays(decided), departments, areas, waits(decided),
                decided.stream().filter(RequestRow::overridden).toList(), conditionsOpen, conditionsOverdue, requestsWithOpen,
                paid, sum(decided.stream().filter(RequestRow::approved).toList()), Satisfaction.of(read.answers()), read.unscreened(),
                countedAt);
    }

    /**
     * The requests behind a figure, as the report counted them, oldest first.
     *
     * @param department narrows to one department as the report names it (null: every one)
     * @param area       for {@link Figure#SCREENED} and {@link Figure#SCREENED_LATE}: the area (null: every one)
     * @param paidBy     for {@link Figure#APPROVED}: who pays (null: any); {@code unstated} those that did not say
     * @param paidByName and the pool's or fund's name, as the report groups them (case aside); null: any
     */
    public List<RequestRow> requests(ReportPeriod period, Optional<String> municipality, Figure figure, String department,
                                     Area area, FundingSource paidBy, String paidByName, boolean unstated) {
        Read read = read(period, municipality, false);
        Instant start = period.start(zone);
        Instant end = period.end(zone);
        Map<String, String> names = municipality.isPresent() ? Map.of() : names();
        Set<UUID> ids = switch (figure) {
            case SCREENED, SCREENED_LATE -> read.areas().stream()
                    .filter(row -> area == null || row.area() == area)
                    .filter(row -> figure == Figure.SCREENED || row.late())
                    .map(AreaRow::requestId).collect(Collectors.toSet());
            case CONDITIONS_OPEN, CONDITIONS_OVERDUE -> read.conditions().stream()
                    .filter(figure == Figure.CONDITIONS_OPEN ? ConditionRow::open : ConditionRow::overdue)
                    .map(ConditionRow::requestId).collect(Collectors.toSet());
            default -> null;
        };
        Predicate<RequestRow> counted = switch (figure) {
            case SUBMITTED -> row -> row.submittedWithin(start, end);
            case DECIDED -> row -> row.decidedWithin(start, end);
            case APPROVED -> row -> row.decidedWithin(start, end) && row.approved()
                    && (unstated ? row.purchaseFunding() == null : paidBy == null || row.purchaseFunding() == paidBy)
                    && (paidByName == null || paidByName.equalsIgnoreCase(Objects.toString(row.purchaseFundingName(), "")));
            case REJECTED -> row -> row.decidedWithin(start, end) && row.outcome() == Verdict.REJECTED;
            case WITHDRAWN -> row -> row.withdrawnWithin(start, end);
            case ON_TIME -> row -> row.decidedWithin(start, end) && !row.decidedLate();
            case LATE -> row -> row.decidedWithin(start, end) && row.decidedLate();
            case OVERRIDDEN -> row -> row.decidedWithin(start, end) && row.overridden();
            case CONDITIONS_OPEN, CONDITIONS_OVERDUE, SCREENED, SCREENED_LATE -> row -> ids.contains(row.id());
        };
        return read.requests().stream()
                .filter(counted)
                .filter(row -> department == null || department(row, names).equalsIgnoreCase(department))
                .toList();
    }

    private Map<String, String> names() {
        return municipalities.all().stream().collect(Collectors.toMap(Municipality::id, Municipality::name));
    }

    /** Across municipalities a department is named with its municipality's name: each has its own "Borgerservice". */
    private static String department(RequestRow row, Map<String, String> names) {
        return names.isEmpty() ? row.department() : names.getOrDefault(row.municipality(), row.municipality()) + ": " + row.department();
    }

    private List<Wait> waits(List<RequestRow> decided) {
        List<Integer> triage = new ArrayList<>();
        List<Integer> requester = new ArrayList<>();
        List<Integer> areas = new ArrayList<>();
        List<Integer> decision = new ArrayList<>();
        for (RequestRow row : decided) {
            // Rejected at triage: triage lasted until the decision.
            triage.add(days(row.submittedAt(), row.screeningStartedAt() != null ? row.screeningStartedAt() : row.decidedAt()));
            requester.add(row.waitedWorkingDays());
            if (row.screeningStartedAt() != null && row.recommendedAt() != null) {
                areas.add(days(row.screeningStartedAt(), row.recommendedAt()));
                decision.add(days(row.recommendedAt(), row.decidedAt()));
            }
        }
        return List.of(new Wait(PHASES.get(0), Durations.of(triage)), new Wait(PHASES.get(1), Durations.of(requester)),
                new Wait(PHASES.get(2), Durations.of(areas)), new Wait(PHASES.get(3), Durations.of(decision)));
    }

    private Durations decisionDays(List<RequestRow> decided) {
        return Durations.of(decided.stream().map(row -> days(row.submittedAt(), row.decidedAt())).toList());
    }

    private int days(Instant from, Instant to) {
        return to.isAfter(from) ? calendar.workingDaysLeft(from, to) : 0;
    }

    private static Integer onTimePercent(List<RequestRow> decided) {
        return decided.isEmpty() ? null
                // Down: 199 of 200 is 99 %, not a 100 % beside "1 overskredet".
                : (int) Math.floor(100.0 * decided.stream().filter(row -> !row.decidedLate()).count() / decided.size());
    }

    private static int count(List<RequestRow> rows, Predicate<RequestRow> which) {
        return (int) rows.stream().filter(which).count();
    }

    private static BigDecimal sum(List<RequestRow> rows) {
        return rows.stream().map(RequestRow::contractValueDkk).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
