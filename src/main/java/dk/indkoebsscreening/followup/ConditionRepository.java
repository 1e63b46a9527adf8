package dk.indkoebsscreening.followup;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.followup.ConditionItem.Change;
import dk.indkoebsscreening.followup.ConditionItem.EvidenceFile;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.Sql;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The conditions ({@code condition_item}) and their changes ({@code condition_change}). */
@Repository
class ConditionRepository {

    private static final TypeReference<List<EvidenceFile>> FILES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonCodec json;

    ConditionRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A condition's own columns, without its changes. */
    record Row(UUID id, UUID requestId, int number, String text, Area setBy, String owner, LocalDate due,
               boolean beforeGoLive, ConditionStatus status, String changeNote) {

        Row with(ConditionStatus newStatus, String newOwner) {
            return new Row(id, requestId, number, text, setBy, newOwner, due, beforeGoLive, newStatus, changeNote);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Row row, Instant at) {
        jdbc.sql("""
                insert into condition_item (id, request_id, number, text, set_by_area, owner, due, before_go_live, status,
                                            change_note, created_at, updated_at)
                values (:id, :requestId, :number, :text, :setBy, :owner, :due, :beforeGoLive, :status, :changeNote, :at, :at)
                """)
                .param("id", row.id())
                .param("requestId", row.requestId())
                .param("number", row.number())
                .param("text", row.text())
                .param("setBy", row.setBy() == null ? null : row.setBy().name())
                .param("owner", row.owner())
                .param("due", row.due() == null ? null : Date.valueOf(row.due()))
                .param("beforeGoLive", row.beforeGoLive())
                .param("status", row.status().name())
                .param("changeNote", row.changeNote())
                .param("at", Sql.timestamp(at))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void update(Row row, Instant at) {
        jdbc.sql("update condition_item set owner = :owner, status = :status, updated_at = :at where id = :id")
                .param("id", row.id())
                .param("owner", row.owner())
                .param("status", row.status().name())
                .param("at", Sql.timestamp(at))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void addChange(UUID conditionId, Change change) {
        jdbc.sql("""
                insert into condition_change (condition_id, kind, status, actor, text, files, at)
                values (:conditionId, :kind, :status, :actor, :text, cast(:files as jsonb), :at)
                """)
                .param("conditionId", conditionId)
                .param("kind", change.kind().name())
                .param("status", change.status().name())
                .param("actor", change.by())
                .param("text", change.text())
                .param("files", json.write(change.files()))
                .param("at", Sql.timestamp(change.at()))
                .update();
    }

    /** The request's conditions in their numbers' order. */
    List<Row> rowsOf(UUID requestId) {
        return jdbc.sql("select * from condition_item where request_id = :requestId order by number")
                .param("requestId", requestId)
                .query((rs, n) -> row(rs))
                .list();
    }

    Optional<Row> find(UUID requestId, UUID id) {
        return jdbc.sql("select * from condition_item where request_id = :requestId and id = :id")
                .param("requestId", requestId)
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from condition_item where id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Every change of the request's conditions, by condition, oldest first. */
    Map<UUID, List<Change>> changesOf(UUID requestId) {
        return jdbc.sql("""
                select c.* from condition_change c join condition_item i on i.id = c.condition_id
                 where i.request_id = :requestId order by c.id
                """)
                .param("requestId", requestId)
                .query((rs, n) -> Map.entry(rs.getObject("condition_id", UUID.class), change(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** One condition's changes, oldest first. */
    List<Change> changesOfCondition(UUID conditionId) {
        return jdbc.sql("select * from condition_change where condition_id = :conditionId order by id")
                .param("conditionId", conditionId)
                .query((rs, n) -> change(rs))
                .list();
    }

    private Change change(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Change(ChangeKind.valueOf(rs.getString("kind")), ConditionStatus.valueOf(rs.getString("status")),
                rs.getString("actor"), rs.getString("text"), json.read(rs.getString("files"), FILES), Sql.instant(rs, "at"));
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String setBy = rs.getString("set_by_area");
        Date due = rs.getDate("due");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class), rs.getInt("number"),
                rs.getString("text"), setBy == null ? null : Area.valueOf(setBy), rs.getString("owner"),
                due == null ? null : due.toLocalDate(), rs.getBoolean("before_go_live"),
                ConditionStatus.valueOf(rs.getString("status")), rs.getString("change_note"));
    }
}
