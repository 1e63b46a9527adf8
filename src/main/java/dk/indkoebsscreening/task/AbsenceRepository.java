package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code user_absence}. */
@Repository
class AbsenceRepository {

    private final JdbcClient jdbc;

    AbsenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Absence> of(String username) {
        return jdbc.sql("select username, starts_on, ends_on from user_absence where username = ?")
                .param(username)
                .query((rs, row) -> new Absence(rs.getString("username"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .optional();
    }

    /** The users away on this day. */
    List<String> awayOn(LocalDate day) {
        return jdbc.sql("select username from user_absence where ? between starts_on and ends_on order by username")
                .param(day)
                .query(String.class)
                .list();
    }

    void save(Absence absence, Instant at) {
        jdbc.sql("""
                        insert into user_absence (username, starts_on, ends_on, updated_at) values (?, ?, ?, ?)
                        on conflict (username) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                               updated_at = excluded.updated_at
                        """)
                .params(absence.username(), absence.startsOn(), absence.endsOn(), Sql.timestamp(at))
                .update();
    }

    void delete(String username) {
        jdbc.sql("delete from user_absence where username = ?").param(username).update();
    }
}
