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
public class ClarificationRepository {

    private final JdbcClient jdbc;

    ClarificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void ask(UUID requestId, String question, String coordinator, Instant at) {
        jdbc.sql("insert into clarification (id, request_id, question, asked_by, asked_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), requestId, question, coordinator, Sql.timestamp(at))
                .update();
    }

    /** Answers the open question; false if there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean answer(UUID requestId, String answer, String requester, Instant at) {
        return jdbc.sql("""
                        update clarification set answer = ?, answered_by = ?, answered_at = ?
                         where request_id = ? and answered_at is null
                        """)
                .params(answer, requester, Sql.timestamp(at), requestId)
                .update() == 1;
    }

    public List<Clarification> findByRequest(UUID requestId) {
        return jdbc.sql("select * from clarification where request_id = ? order by asked_at")
                .param(requestId)
                .query((rs, row) -> new Clarification(
                        rs.getString("question"),
                        rs.getString("asked_by"),
                        Sql.instant(rs, "asked_at"),
                        rs.getString("answer"),
                        rs.getString("answered_by"),
                        Sql.instant(rs, "answered_at")))
                .list();
    }
}
