package dk.indkoebsscreening.overview;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.screening.Area;
import dk.indkoebsscreening.screening.Verdict;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The coordinators' figures: where requests stand, how fast areas are screened, what is decided. */
@Service
public class OverviewService {

    private final JdbcClient jdbc;
    private final DeadlineProperties deadline;

    OverviewService(JdbcClient jdbc, DeadlineProperties deadline) {
        this.jdbc = jdbc;
        this.deadline = deadline;
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
        return jdbc.sql("select status, count(*) as n from purchase_request group by status")
                .query((rs, row) -> new StatusCount(RequestStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().stream()
                .sorted((a, b) -> a.status().compareTo(b.status()))
                .toList();
    }

    public WithinDeadline screenedWithinDeadline() {
        return jdbc.sql("""
                        select count(*) filter (where a.completed_at <= r.deadline) as within, count(*) as screened
                          from area_screening a join purchase_request r on r.id = a.request_id
                         where a.state = 'COMPLETED'
                        """)
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
                          from area_screening where state = 'COMPLETED' group by area
                        """)
                .query((rs, row) -> new AreaMedian(Area.valueOf(rs.getString("area")), rs.getDouble("median_hours")))
                .list().stream()
                .sorted((a, b) -> a.area().compareTo(b.area()))
                .toList();
    }

    public List<MonthOutcome> outcomesByMonth() {
        return jdbc.sql("""
                        select to_char(decided_at at time zone ?, 'YYYY-MM') as month, outcome, count(*) as n
                          from decision group by 1, 2 order by 1, 2
                        """)
                .param(deadline.zone().getId())
                .query((rs, row) -> new MonthOutcome(rs.getString("month"), Verdict.valueOf(rs.getString("outcome")),
                        rs.getLong("n")))
                .list();
    }
}
