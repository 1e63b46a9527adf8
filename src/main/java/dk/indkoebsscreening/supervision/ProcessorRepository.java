package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code data_processor} and {@code processor_supervision}. */
@Repository
class ProcessorRepository {

    private final JdbcClient jdbc;

    ProcessorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A system's processors, those still processing first, each by name. */
    List<DataProcessor> ofSystem(UUID systemId) {
        return jdbc.sql("select * from data_processor where system_id = ? order by removed_at nulls first, lower(name), id")
                .param(systemId).query(this::processor).list();
    }

    Optional<DataProcessor> find(UUID id) {
        return jdbc.sql("select * from data_processor where id = ?").param(id).query(this::processor).optional();
    }

    /** Locks the row, so two edits, a removal and a supervision of one processor do not interleave. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<DataProcessor> lock(UUID id) {
        return jdbc.sql("select * from data_processor where id = ? for update").param(id).query(this::processor).optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(DataProcessor processor) {
        jdbc.sql("""
                        insert into data_processor (id, system_id, name, cvr, processing, sub_processor_of, method,
                               interval_months, next_due, removed_at, removed_by, created_at, updated_at, updated_by)
                        values (:id, :systemId, :name, :cvr, :processing, :subProcessorOf, :method, :intervalMonths,
                               :nextDue, :removedAt, :removedBy, :createdAt, :updatedAt, :updatedBy)
                        """)
                .params(columns(processor))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void update(DataProcessor processor) {
        jdbc.sql("""
                        update data_processor set name = :name, cvr = :cvr, processing = :processing,
                               sub_processor_of = :subProcessorOf, method = :method, interval_months = :intervalMonths,
                               next_due = :nextDue, removed_at = :removedAt, removed_by = :removedBy,
                               updated_at = :updatedAt, updated_by = :updatedBy
                         where id = :id
                        """)
                .params(columns(processor))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Supervision supervision) {
        jdbc.sql("""
                        insert into processor_supervision (id, processor_id, method, result, evidence, due, supervised_on,
                               next_due, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(supervision.id(), supervision.processorId(), supervision.method().name(), supervision.result().name(),
                        supervision.evidence(), supervision.due(), supervision.supervisedOn(), supervision.nextDue(),
                        supervision.recordedBy(), Sql.timestamp(supervision.recordedAt()))
                .update();
    }

    /** A system's supervisions, newest first. */
    List<Supervision> supervisionsOfSystem(UUID systemId) {
        return jdbc.sql("""
                        select s.* from processor_supervision s join data_processor p on p.id = s.processor_id
                         where p.system_id = ? order by s.recorded_at desc, s.id
                        """)
                .param(systemId).query(this::supervision).list();
    }

    /**
     * The processors still processing for a system in use whose next supervision is due on or before the day given,
     * soonest first, with their system's name: the dashboard's overdue and upcoming supervisions.
     */
    List<DueSupervision> dueBy(LocalDate day, int limit) {
        return jdbc.sql("""
                        select p.*, s.name as system_name from data_processor p join registered_system s on s.id = p.system_id
                         where p.removed_at is null and s.retired_at is null and p.next_due <= ?
                         order by p.next_due, lower(p.name), p.id limit ?
                        """)
                .params(day, limit)
                .query((rs, row) -> new DueSupervision(processor(rs, row), rs.getString("system_name")))
                .list();
    }

    private static Map<String, Object> columns(DataProcessor processor) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", processor.id());
        columns.put("systemId", processor.systemId());
        columns.put("name", processor.name());
        columns.put("cvr", processor.cvr());
        columns.put("processing", processor.processing());
        columns.put("subProcessorOf", processor.subProcessorOf());
        columns.put("method", processor.method().name());
        columns.put("intervalMonths", processor.intervalMonths());
        columns.put("nextDue", processor.nextDue());
        columns.put("removedAt", Sql.timestamp(processor.removedAt()));
        columns.put("removedBy", processor.removedBy());
        columns.put("createdAt", Sql.timestamp(processor.createdAt()));
        columns.put("updatedAt", Sql.timestamp(processor.updatedAt()));
        columns.put("updatedBy", processor.updatedBy());
        return columns;
    }

    private DataProcessor processor(ResultSet rs, int row) throws SQLException {
        return new DataProcessor(
                rs.getObject("id", UUID.class),
                rs.getObject("system_id", UUID.class),
                rs.getString("name"),
                rs.getString("cvr"),
                rs.getString("processing"),
                rs.getObject("sub_processor_of", UUID.class),
                SupervisionMethod.valueOf(rs.getString("method")),
                rs.getInt("interval_months"),
                rs.getObject("next_due", LocalDate.class),
                Sql.instant(rs, "removed_at"),
                rs.getString("removed_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private Supervision supervision(ResultSet rs, int row) throws SQLException {
        return new Supervision(
                rs.getObject("id", UUID.class),
                rs.getObject("processor_id", UUID.class),
                SupervisionMethod.valueOf(rs.getString("method")),
                SupervisionResult.valueOf(rs.getString("result")),
                rs.getString("evidence"),
                rs.getObject("due", LocalDate.class),
                rs.getObject("supervised_on", LocalDate.class),
                rs.getObject("next_due", LocalDate.class),
                rs.getString("recorded_by"),
                Sql.instant(rs, "recorded_at"));
    }
}
