package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.Sql;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class ClarificationRepository {

    private final JdbcClient jdbc;
    private final People people;

    ClarificationRepository(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /** @param area null for the coordinator's question at triage */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID ask(UUID requestId, Area area, String question, String askedBy, Instant at, LocalDate answerBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into clarification (id, request_id, area, question, asked_by, asked_at, answer_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, requestId, area == null ? null : area.name(), question, askedBy, Sql.timestamp(at),
                        answerBy == null ? null : Date.valueOf(answerBy))
                .update();
        return id;
    }

    /** Answers triage's open question; false if there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean answer(UUID requestId, String answer, String requester, Instant at) {
        return jdbc.sql("""
                        update clarification set answer = ?, answered_by = ?, answered_at = ?
                         where request_id = ? and area is null and answered_at is null
                        """)
                .params(answer, requester, Sql.timestamp(at), requestId)
                .update() == 1;
    }

    /** Answers one open question of the request; false if it is not the request's or already answered. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean answer(UUID requestId, UUID questionId, String answer, String requester, Instant at) {
        return jdbc.sql("""
                        update clarification set answer = ?, answered_by = ?, answered_at = ?
                         where id = ? and request_id = ? and answered_at is null
                        """)
                .params(answer, requester, Sql.timestamp(at), questionId, requestId)
                .update() == 1;
    }

    /** Oldest first. */
    public List<Clarification> findByRequest(UUID requestId) {
        return jdbc.sql("select * from clarification where request_id = ? order by asked_at, id")
                .param(requestId)
                .query((rs, row) -> clarification(rs))
                .list();
    }

    public int countByRequest(UUID requestId) {
        return jdbc.sql("select count(*) from clarification where request_id = ?").param(requestId).query(Integer.class).single();
    }

    public Optional<Clarification> find(UUID requestId, UUID questionId) {
        return jdbc.sql("select * from clarification where id = ? and request_id = ?")
                .params(questionId, requestId)
                .query((rs, row) -> clarification(rs))
                .optional();
    }

    private Clarification clarification(ResultSet rs) throws SQLException {
        String area = rs.getString("area");
        Date answerBy = rs.getDate("answer_by");
        String askedBy = rs.getString("asked_by");
        String answeredBy = rs.getString("answered_by");
        return new Clarification(
                rs.getObject("id", UUID.class),
                area == null ? null : Area.valueOf(area),
                rs.getString("question"),
                askedBy,
                people.name(askedBy),
                Sql.instant(rs, "asked_at"),
                answerBy == null ? null : answerBy.toLocalDate(),
                rs.getString("answer"),
                answeredBy,
                answeredBy == null ? null : people.name(answeredBy),
                Sql.instant(rs, "answered_at"));
    }
}
