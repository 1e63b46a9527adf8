package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class TriageNoteRepository {

    private final JdbcClient jdbc;

    TriageNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(UUID requestId, String note, String coordinator, Instant at) {
        jdbc.sql("insert into triage_note (id, request_id, note, written_by, written_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), requestId, note, coordinator, Sql.timestamp(at))
                .update();
    }

    List<TriageNote> findByRequest(UUID requestId) {
        return jdbc.sql("select note, written_by, written_at from triage_note where request_id = ? order by written_at")
                .param(requestId)
                .query((rs, row) -> new TriageNote(rs.getString("note"), rs.getString("written_by"), Sql.instant(rs, "written_at")))
                .list();
    }
}
