package dk.indkoebsscreening.screening;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.RequestMemo;
import dk.indkoebsscreening.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class AreaScreeningRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonCodec json;

    AreaScreeningRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void open(UUID requestId, Area area, Instant startedAt) {
        jdbc.sql("""
                        insert into area_screening (request_id, area, state, started_at) values (?, ?, 'OPEN', ?)
                        on conflict (request_id, area) do nothing
                        """)
                .params(requestId, area.name(), Sql.timestamp(startedAt))
                .update();
    }

    /** An area the scope leaves out, recorded with the reason so that it is never silently missing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markNotRelevant(UUID requestId, Area area, String reason, String decidedBy, Instant at) {
        jdbc.sql("""
                        insert into area_screening (request_id, area, state, findings, screened_by, started_at, completed_at)
                        values (?, ?, 'NOT_RELEVANT', ?, ?, ?, ?)
                        on conflict (request_id, area) do nothing
                        """)
                .params(requestId, area.name(), reason, decidedBy, Sql.timestamp(at), Sql.timestamp(at))
                .update();
    }

    /** Every area still open ends as cancelled (the request was withdrawn). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelOpen(UUID requestId, Instant at) {
        jdbc.sql("update area_screening set state = 'CANCELLED', completed_at = ? where request_id = ? and state = 'OPEN'")
                .params(Sql.timestamp(at), requestId)
                .update();
    }

    /** Records the verdict; false if the area was not open (already screened or never started). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean complete(UUID requestId, Area area, ScreeningForm form, String expert, Instant completedAt) {
        return jdbc.sql("""
                        update area_screening
                           set state = 'COMPLETED', verdict = :verdict, findings = :findings,
                               conditions = cast(:conditions as jsonb), checklist = cast(:checklist as jsonb),
                               screened_by = :expert, completed_at = :completedAt
                         where request_id = :requestId and area = :area and state = 'OPEN'
                        """)
                .param("verdict", form.verdict().name())
                .param("findings", form.findings())
                .param("conditions", json.write(form.conditions()))
                .param("checklist", json.write(form.checklist()))
                .param("expert", expert)
                .param("completedAt", Sql.timestamp(completedAt))
                .param("requestId", requestId)
                .param("area", area.name())
                .update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Area> markOpenReminded(UUID requestId, Instant at) {
        return jdbc.sql("""
                        update area_screening set reminded_at = ?
                         where request_id = ? and state = 'OPEN'
                        returning area
                        """)
                .params(Sql.timestamp(at), requestId)
                .query((rs, row) -> Area.valueOf(rs.getString("area")))
                .list()
                .stream().sorted().toList();
    }

    /** @param percent share of the screened areas completed by the request's deadline, 0 without data */
    public record WithinDeadline(long within, long screened, long percent) {
    }

    public record AreaMedian(Area area, double medianHours) {
    }

    public WithinDeadline screenedWithinDeadline(Instant completedSince) {
        return jdbc.sql("""
                        select count(*) filter (where a.completed_at <= r.deadline) as within, count(*) as screened
                          from area_screening a join purchase_request r on r.id = a.request_id
                         where a.state = 'COMPLETED' and a.completed_at >= ?
                        """)
                .param(Sql.timestamp(completedSince))
                .query((rs, row) -> {
                    long within = rs.getLong("within");
                    long screened = rs.getLong("screened");
                    return new WithinDeadline(within, screened, screened == 0 ? 0 : Math.round(100.0 * within / screened));
                })
                .single();
    }

    /** Calendar hours from the start of screening to the area's verdict, per area. */
    public List<AreaMedian> medianScreeningHoursByArea(Instant completedSince) {
        return jdbc.sql("""
                        select area, percentile_cont(0.5) within group
                               (order by extract(epoch from completed_at - started_at) / 3600) as median_hours
                          from area_screening where state = 'COMPLETED' and completed_at >= ? group by area
                        """)
                .param(Sql.timestamp(completedSince))
                .query((rs, row) -> new AreaMedian(Area.valueOf(rs.getString("area")), rs.getDouble("median_hours")))
                .list().stream()
                .sorted((a, b) -> a.area().compareTo(b.area()))
                .toList();
    }

    /** Once per page view (a page asks in several places). */
    public List<AreaScreening> findByRequest(UUID requestId) {
        return RequestMemo.of("areaScreenings:" + requestId, () -> jdbc.sql(
                        "select * from area_screening where request_id = ? order by area").param(requestId).query(this::map).list());
    }

    private AreaScreening map(ResultSet rs, int row) throws SQLException {
        String verdict = rs.getString("verdict");
        return new AreaScreening(
                Area.valueOf(rs.getString("area")),
                AreaState.valueOf(rs.getString("state")),
                verdict == null ? null : Verdict.valueOf(verdict),
                rs.getString("findings"),
                json.read(rs.getString("conditions"), STRINGS),
                json.read(rs.getString("checklist"), ANSWERS),
                rs.getString("screened_by"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "reminded_at"),
                Sql.instant(rs, "completed_at"));
    }

}
