package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code group_gap_warning}: one row per group and period warned of. */
@Repository
class GroupGapRepository {

    private final JdbcClient jdbc;

    GroupGapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the warning, or shows again the one of the same group and period (a stand-in covering it ended); true
     * only the first time, when the coordinators are to be told.
     */
    boolean warn(GroupGap gap, Instant at) {
        return jdbc.sql("""
                        insert into group_gap_warning (id, group_id, starts_on, ends_on, first_due, open_tasks, warned_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (group_id, starts_on, ends_on, tenant_id) do update set resolved_at = null,
                               first_due = excluded.first_due, open_tasks = excluded.open_tasks
                        returning (xmax = 0)
                        """)
                .params(gap.id(), gap.group(), gap.from(), gap.to(), Sql.timestamp(gap.firstDue()), gap.openTasks(), Sql.timestamp(at))
                .query(Boolean.class).single();
    }

    /** Settles the group's warnings but the one of this period. */
    void settleOthers(String group, LocalDate from, LocalDate to, Instant at) {
        jdbc.sql("""
                        update group_gap_warning set resolved_at = ? where group_id = ? and resolved_at is null
                        and (starts_on <> ? or ends_on <> ?)
                        """)
                .params(Sql.timestamp(at), group, from, to)
                .update();
    }

    /** Settles every warning of the group: someone is present, or a stand-in covers them. */
    void settleAll(String group, Instant at) {
        jdbc.sql("update group_gap_warning set resolved_at = ? where group_id = ? and resolved_at is null")
                .params(Sql.timestamp(at), group)
                .update();
    }

    List<GroupGap> unresolvedEndingFrom(LocalDate day) {
        return jdbc.sql("""
                        select id, group_id, starts_on, ends_on, first_due, open_tasks from group_gap_warning
                        where resolved_at is null and ends_on >= ? order by starts_on, group_id
                        """)
                .param(day)
                .query((rs, row) -> new GroupGap(rs.getObject("id", UUID.class), GroupCover.areaOf(rs.getString("group_id")),
                        rs.getString("group_id"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        Sql.instant(rs, "first_due"), rs.getInt("open_tasks")))
                .list();
    }
}
