package dk.indkoebsscreening.screening;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Escalations to the coordinator when the deadline passes with areas still open. */
@Repository
public class EscalationRepository {

    private static final TypeReference<List<Area>> AREAS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonCodec json;

    EscalationRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void raise(UUID requestId, List<Area> openAreas, Instant at) {
        jdbc.sql("insert into escalation (request_id, raised_at, open_areas) values (?, ?, cast(? as jsonb))")
                .params(requestId, Sql.timestamp(at), json.write(openAreas))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void handle(UUID requestId, String coordinator, String comment, Instant at) {
        jdbc.sql("update escalation set handled_by = ?, handled_at = ?, comment = ? where request_id = ?")
                .params(coordinator, Sql.timestamp(at), comment, requestId)
                .update();
    }

    public Optional<Escalation> find(UUID requestId) {
        return jdbc.sql("select * from escalation where request_id = ?")
                .param(requestId)
                .query((rs, row) -> new Escalation(
                        Sql.instant(rs, "raised_at"),
                        json.read(rs.getString("open_areas"), AREAS),
                        rs.getString("handled_by"),
                        Sql.instant(rs, "handled_at"),
                        rs.getString("comment")))
                .optional();
    }

    public record Escalation(Instant raisedAt, List<Area> openAreas, String handledBy, Instant handledAt,
                             String comment) {
    }
}
