package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.RequestMemo;
import dk.indkoebsscreening.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code group_stand_in}. */
@Repository
class GroupStandInRepository {

    private static final String COLUMNS = "id, group_id, username, starts_on, ends_on, appointed_by, appointed_at, ended_by, ended_at";

    private final JdbcClient jdbc;

    GroupStandInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GroupStandIn standIn) {
        jdbc.sql("insert into group_stand_in (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, null, null)")
                .params(standIn.id(), standIn.group(), standIn.username(), standIn.startsOn(), standIn.endsOn(),
                        standIn.appointedBy(), Sql.timestamp(standIn.appointedAt()))
                .update();
    }

    Optional<GroupStandIn> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from group_stand_in where id = ?").param(id).query(GroupStandInRepository::row).optional();
    }

    /** Ends it now; false if it had ended already. */
    boolean end(UUID id, String by, Instant at) {
        return jdbc.sql("update group_stand_in set ended_by = ?, ended_at = ? where id = ? and ended_at is null")
                .params(by, Sql.timestamp(at), id).update() == 1;
    }

    /** Those whose period covers the day and that nobody ended; once per page view (a page asks in several places). */
    List<GroupStandIn> activeOn(LocalDate day) {
        return RequestMemo.of("standIns:" + day, () -> jdbc.sql("select " + COLUMNS
                        + " from group_stand_in where ended_at is null and ? between starts_on and ends_on order by group_id, starts_on")
                .param(day).query(GroupStandInRepository::row).list());
    }

    /** Those whose last day is this day or later, ended early or not (the record), soonest first. */
    List<GroupStandIn> endingFrom(LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from group_stand_in where ends_on >= ? order by starts_on, group_id, username")
                .param(day).query(GroupStandInRepository::row).list();
    }

    boolean stoodIn(String username, Collection<String> groups) {
        return jdbc.sql("select exists (select 1 from group_stand_in where username = :username and group_id in (:groups))")
                .param("username", username).param("groups", List.copyOf(groups)).query(Boolean.class).single();
    }

    /** Over (their last day passed or a coordinator ended them) while their claimed tasks have not gone back yet. */
    List<GroupStandIn> overWithTasksKept(LocalDate today) {
        return jdbc.sql("select " + COLUMNS + " from group_stand_in where returned_at is null and (ends_on < ? or ended_at is not null)")
                .param(today).query(GroupStandInRepository::row).list();
    }

    void markReturned(UUID id, Instant at) {
        jdbc.sql("update group_stand_in set returned_at = ? where id = ?").params(Sql.timestamp(at), id).update();
    }

    private static GroupStandIn row(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new GroupStandIn(rs.getObject("id", UUID.class), rs.getString("group_id"), rs.getString("username"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("appointed_by"), rs.getTimestamp("appointed_at").toInstant(), rs.getString("ended_by"),
                ended == null ? null : ended.toInstant());
    }
}
