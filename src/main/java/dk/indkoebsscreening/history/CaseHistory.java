package dk.indkoebsscreening.history;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.Sql;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads a request's history; an entry exists exactly when its step committed. */
@Repository
public class CaseHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID requestId, HistoryKind kind, String actor, Area area, String value, String text) {
        jdbc.sql("""
                insert into case_history (request_id, at, kind, actor, area, value, text)
                values (:requestId, :at, :kind, :actor, :area, :value, :text)
                """)
                .param("requestId", requestId)
                .param("at", Sql.timestamp(clock.instant()))
                .param("kind", kind.name())
                .param("actor", actor)
                .param("area", area == null ? null : area.name())
                .param("value", value)
                .param("text", text)
                .update();
    }

    /** Oldest first; entries of one instant in the order they were written. */
    public List<HistoryEntry> of(UUID requestId) {
        return jdbc.sql("select id, request_id, at, kind, actor, area, value, text from case_history where request_id = :id order by at, id")
                .param("id", requestId)
                .query((row, n) -> new HistoryEntry(row.getLong("id"), row.getObject("request_id", UUID.class),
                        Sql.instant(row, "at"), HistoryKind.valueOf(row.getString("kind")), row.getString("actor"),
                        row.getString("area") == null ? null : Area.valueOf(row.getString("area")), row.getString("value"),
                        row.getString("text")))
                .list();
    }
}
