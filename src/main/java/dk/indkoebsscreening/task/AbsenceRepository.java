package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return jdbc.sql("select username, starts_on, ends_on, stand_in from user_absence where username = ?")
                .param(username)
                .query(AbsenceRepository::row)
                .optional();
    }

    /** Every absence that has not ended before this day: who is or will be away, soonest first. */
    List<Absence> endingFrom(LocalDate day) {
        return jdbc.sql("select username, starts_on, ends_on, stand_in from user_absence where ends_on >= ? order by starts_on, username")
                .param(day)
                .query(AbsenceRepository::row)
                .list();
    }

    private static Absence row(ResultSet rs, int row) throws SQLException {
        return new Absence(rs.getString("username"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("stand_in"));
    }

    /** The users away on this day. */
    List<String> awayOn(LocalDate day) {
        return jdbc.sql("select username from user_absence where ? between starts_on and ends_on order by username")
                .param(day)
                .query(String.class)
                .list();
    }

    /**
     * The municipalities with anything for the absence job, in the scope it runs in (across all): an absence, a stand-in
     * whose tasks have not gone back, a warning of a group left uncovered not yet settled. Any other has nothing to do.
     */
    List<String> municipalitiesWithAbsences() {
        return jdbc.sql("""
                        select tenant_id from user_absence
                        union select tenant_id from group_stand_in where returned_at is null
                        union select tenant_id from group_gap_warning where resolved_at is null
                        order by 1
                        """)
                .query(String.class)
                .list();
    }

    void save(Absence absence, Instant at) {
        jdbc.sql("""
                        insert into user_absence (username, starts_on, ends_on, stand_in, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (username, tenant_id) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                               stand_in = excluded.stand_in, updated_at = excluded.updated_at
                        """)
                .params(absence.username(), absence.startsOn(), absence.endsOn(), absence.standIn(), Sql.timestamp(at))
                .update();
    }

    void delete(String username) {
        jdbc.sql("delete from user_absence where username = ?").param(username).update();
    }
}
