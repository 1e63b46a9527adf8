package dk.indkoebsscreening.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class DecisionRepository {

    private static final TypeReference<List<DecidedCondition>> DECIDED = new TypeReference<>() {
    };
    private static final TypeReference<List<AreaConditionFate>> FATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonCodec json;

    DecisionRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(UUID requestId, Decision decision) {
        jdbc.sql("""
                        insert into decision (request_id, outcome, recommendation, reason, conditions, decided_conditions,
                                              area_conditions, decided_by, decided_at, rule)
                        values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?)
                        """)
                .params(requestId, decision.outcome().name(),
                        decision.recommendation() == null ? null : decision.recommendation().name(),
                        decision.reason(), json.write(decision.conditions()), json.write(decision.decidedConditions()),
                        json.write(decision.areaConditions()), decision.decidedBy(),
                        Sql.timestamp(decision.decidedAt()), decision.rule())
                .update();
    }

    public record MonthOutcome(String month, Verdict outcome, long count) {
    }

    /** Decisions per month (in the zone given) and outcome, since the instant given. */
    public List<MonthOutcome> outcomesByMonth(Instant decidedSince, ZoneId zone) {
        return jdbc.sql("""
                        select to_char(decided_at at time zone ?, 'YYYY-MM') as month, outcome, count(*) as n
                          from decision where decided_at >= ? group by 1, 2 order by 1, 2
                        """)
                .params(zone.getId(), Sql.timestamp(decidedSince))
                .query((rs, row) -> new MonthOutcome(rs.getString("month"), Verdict.valueOf(rs.getString("outcome")),
                        rs.getLong("n")))
                .list();
    }

    public Optional<Decision> find(UUID requestId) {
        return jdbc.sql("select * from decision where request_id = ?")
                .param(requestId)
                .query((rs, row) -> {
                    String recommendation = rs.getString("recommendation");
                    return new Decision(
                            Verdict.valueOf(rs.getString("outcome")),
                            recommendation == null ? null : Verdict.valueOf(recommendation),
                            rs.getString("reason"),
                            json.read(rs.getString("decided_conditions"), DECIDED),
                            json.read(rs.getString("area_conditions"), FATES),
                            rs.getString("decided_by"),
                            Sql.instant(rs, "decided_at"),
                            rs.getString("rule"));
                })
                .optional();
    }
}
