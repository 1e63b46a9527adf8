package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.Sql;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The coordinators' figures: where requests stand, how fast areas are screened, what is decided.
 * Bounded to the last 12 months (open requests always count), so the page costs the same after years
 * of use (see the growth benchmark in BENCHMARKS.md).
 */
@Service
public class OverviewService {

    static final int MONTHS = 12;

    private final JdbcClient jdbc;
    private final DeadlineProperties deadline;
    private final Clock clock;

    OverviewService(JdbcClient jdbc, DeadlineProperties deadline, Clock clock) {
        this.jdbc = jdbc;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** The start of the period: the first day of the month eleven months back, in the deadline's zone. */
    private Timestamp since() {
        Instant start = ZonedDateTime.ofInstant(clock.instant(), deadline.zone())
                .minusMonths(MONTHS - 1).withDayOfMonth(1).toLocalDate().atStartOfDay(deadline.zone()).toInstant();
        return Sql.timestamp(start);
    }

    public record StatusCount(RequestStatus status, long count) {
    }

    public record AreaMedian(Area area, double medianHours) {
    }

    public record MonthOutcome(String month, Verdict outcome, long count) {
    }

    /** @param percent share of the screened areas completed by the request's deadline, 0 without data */
    public record WithinDeadline(long within, long screened, long percent) {
    }

    public List<StatusCount> requestsByStatus() {
        return jdbc.sql("""
                        select status, count(*) as n from purchase_request
                         where status in ('IN_TRIAGE', 'AWAITING_INFORMATION', 'IN_SCREENING', 'AWAITING_DECISION')
                            or submitted_at >= ?
                         group by status
                        """)
                .param(since())
                .query((rs, row) -> new StatusCount(RequestStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().stream()
                .sorted((a, b) -> a.status().compareTo(b.status()))
                .toList();
    }

    public WithinDeadline screenedWithinDeadline() {
        return jdbc.sql("""
                        select count(*) filter (where a.completed_at <= r.deadline) as within, count(*) as screened
                          from area_screening a join purchase_request r on r.id = a.request_id
                         where a.state = 'COMPLETED' and a.completed_at >= ?
                        """)
                .param(since())
                .query((rs, row) -> {
                    long within = rs.getLong("within");
                    long screened = rs.getLong("screened");
                    return new WithinDeadline(within, screened, screened == 0 ? 0 : Math.round(100.0 * within / screened));
                })
                .single();
    }

    /** Calendar hours from the start of screening to the area's verdict. */
    public List<AreaMedian> medianScreeningHoursByArea() {
        return jdbc.sql("""
                        select area, percentile_cont(0.5) within group
                               (order by extract(epoch from completed_at - started_at) / 3600) as median_hours
                          from area_screening where state = 'COMPLETED' and completed_at >= ? group by area
                        """)
                .param(since())
                .query((rs, row) -> new AreaMedian(Area.valueOf(rs.getString("area")), rs.getDouble("median_hours")))
                .list().stream()
                .sorted((a, b) -> a.area().compareTo(b.area()))
                .toList();
    }

    public List<MonthOutcome> outcomesByMonth() {
        return jdbc.sql("""
                        select to_char(decided_at at time zone ?, 'YYYY-MM') as month, outcome, count(*) as n
                          from decision where decided_at >= ? group by 1, 2 order by 1, 2
                        """)
                .params(deadline.zone().getId(), since())
                .query((rs, row) -> new MonthOutcome(rs.getString("month"), Verdict.valueOf(rs.getString("outcome")),
                        rs.getLong("n")))
                .list();
    }
}
