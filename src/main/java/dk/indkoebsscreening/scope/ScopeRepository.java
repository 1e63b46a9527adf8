package dk.indkoebsscreening.scope;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code request_scope}: the proposed and the confirmed scope of each request. */
@Repository
public class ScopeRepository {

    private static final TypeReference<List<Area>> AREAS = new TypeReference<>() {
    };
    private static final TypeReference<List<ScopeFlag>> FLAGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonCodec json;

    ScopeRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void propose(UUID requestId, Scope proposed) {
        jdbc.sql("insert into request_scope (request_id, proposed_areas, proposed_flags) values (?, cast(? as jsonb), cast(? as jsonb))")
                .params(requestId, json.write(proposed.areas()), json.write(proposed.flags()))
                .update();
    }

    /** Records the coordinator's scope; the caller holds the request's lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(UUID requestId, Scope confirmed, String reason, String coordinator, Instant at) {
        jdbc.sql("""
                        update request_scope set areas = cast(? as jsonb), flags = cast(? as jsonb), reason = ?,
                               confirmed_by = ?, confirmed_at = ?
                         where request_id = ?
                        """)
                .params(json.write(confirmed.areas()), json.write(confirmed.flags()), reason, coordinator,
                        Sql.timestamp(at), requestId)
                .update();
    }

    public RequestScope find(UUID requestId) {
        return jdbc.sql("select * from request_scope where request_id = ?")
                .param(requestId)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("No scope for request " + requestId));
    }

    /** The flags of each request's scope as it stands: the confirmed one once triaged, else the proposal. */
    public Map<UUID, List<ScopeFlag>> currentFlags(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ScopeFlag>> flags = new HashMap<>();
        jdbc.sql("select request_id, coalesce(flags, proposed_flags) as current_flags from request_scope where request_id in (:ids)")
                .param("ids", requestIds)
                .query((rs, row) -> flags.put(rs.getObject("request_id", UUID.class), json.read(rs.getString("current_flags"), FLAGS)))
                .list();
        return flags;
    }

    private RequestScope map(ResultSet rs, int row) throws SQLException {
        String areas = rs.getString("areas");
        return new RequestScope(
                new Scope(json.read(rs.getString("proposed_areas"), AREAS), json.read(rs.getString("proposed_flags"), FLAGS)),
                areas == null ? null : new Scope(json.read(areas, AREAS), json.read(rs.getString("flags"), FLAGS)),
                rs.getString("reason"),
                rs.getString("confirmed_by"),
                Sql.instant(rs, "confirmed_at"));
    }
}
