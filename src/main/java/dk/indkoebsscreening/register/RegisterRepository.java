package dk.indkoebsscreening.register;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.system.JsonCodec;
import dk.indkoebsscreening.system.Sql;
import dk.indkoebsscreening.system.Text;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code registered_system}. */
@Repository
class RegisterRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String SELECT = """
            select s.*, r.reference as request_reference
              from registered_system s left join purchase_request r on r.id = s.request_id
            """;
    /** Words typed are found in any of these, whatever their case; % and _ are taken literally. */
    private static final String MATCHES_TEXT = """
            (cast(:text as text) is null or lower(s.name || ' ' || coalesce(s.local_name, '') || ' ' || coalesce(s.vendor, '') || ' '
                || coalesce(s.department, '') || ' ' || coalesce(s.local_id, '')) like :text escape '\\')
            and (:includeRetired or s.retired_at is null)
            """;

    private final JdbcClient jdbc;
    private final JsonCodec json;

    RegisterRepository(JdbcClient jdbc, JsonCodec json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<RegisteredSystem> search(String text, boolean includeRetired, int offset, int limit) {
        return jdbc.sql(SELECT + " where " + MATCHES_TEXT + " order by lower(s.name), s.id offset :offset limit :limit")
                .param("text", likePattern(text))
                .param("includeRetired", includeRetired)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    long count(String text, boolean includeRetired) {
        return jdbc.sql("select count(*) from registered_system s where " + MATCHES_TEXT)
                .param("text", likePattern(text))
                .param("includeRetired", includeRetired)
                .query(Long.class)
                .single();
    }

    Optional<RegisteredSystem> find(UUID id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(this::map).optional();
    }

    List<RegisteredSystem> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where s.id in (:ids)").param("ids", ids).query(this::map).list();
    }

    /** Locks the system whose id is the business key of the open task, if the task is one of this process's. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> lockByTask(String processKey, String taskId) {
        // The business key cast to the id's type, not the id to text: the primary key's index finds the row.
        return jdbc.sql("select id from registered_system where id = cast(" + EngineTasks.businessKeyOfTask(processKey) + " as uuid) for update")
                .param(taskId)
                .query(UUID.class)
                .optional();
    }

    /** See {@link Renewals#due}: the notice deadline and the lead time counted back in the database, as Java counts them. */
    List<RegisteredSystem> renewalsDue(LocalDate today, Period leadTime, int limit) {
        String noticeDeadline = "(s.contract_end - make_interval(months => coalesce(s.notice_months, 0)))";
        return jdbc.sql(SELECT + " where s.contract_end is not null and s.retired_at is null and s.contract_end >= :today"
                        + " and cast(" + noticeDeadline + " - make_interval(years => :years, months => :months, days => :days) as date) <= :today"
                        + " and not exists (select 1 from system_renewal d where d.system_id = s.id and d.contract_end = s.contract_end)"
                        + " order by " + noticeDeadline + ", lower(s.name) limit :limit")
                .param("today", today)
                .param("years", leadTime.getYears())
                .param("months", leadTime.getMonths())
                .param("days", leadTime.getDays())
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Locks the row for a change, so two coordinators' edits and an import do not interleave. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<RegisteredSystem> lock(UUID id) {
        return jdbc.sql(SELECT + " where s.id = ? for update of s").param(id).query(this::map).optional();
    }

    Optional<RegisteredSystem> findByKitosUuid(UUID kitosUuid) {
        return jdbc.sql(SELECT + " where s.kitos_uuid = ?").param(kitosUuid).query(this::map).optional();
    }

    /** The same system entered twice: the same name, and the same vendor where both say one. */
    Optional<RegisteredSystem> findByNameAndVendor(String name, String vendor) {
        return jdbc.sql(SELECT + """
                         where lower(s.name) = lower(:name)
                           and (cast(:vendor as text) is null or s.vendor is null or lower(s.vendor) = lower(cast(:vendor as text)))
                         order by s.created_at limit 1
                        """)
                .param("name", name)
                .param("vendor", vendor)
                .query(this::map)
                .optional();
    }

    boolean existsForRequest(UUID requestId) {
        return jdbc.sql("select count(*) from registered_system where request_id = ?").param(requestId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Registered systems whose name is like the one typed (trigram similarity, so "Postgres" finds
     * "PostgreSQL"), a vendor alike too ranking them higher; retired ones included, they say what the
     * municipality had. The candidates are the nearest names and local names by trigram distance, whole and as a
     * word, through the GiST indexes of V14: the cost does not grow with the register.
     */
    List<Similar> similar(String name, String vendor, int limit) {
        return jdbc.sql("""
                        with nearest as (
                            (select id from registered_system order by lower(name) <-> :name limit :candidates)
                            union
                            (select id from registered_system order by :name <<-> lower(name) limit :candidates)
                            union
                            (select id from registered_system where local_name is not null
                              order by lower(local_name) <-> :name limit :candidates))
                        """ + SELECT.replace("select s.*", """
                        select s.*, greatest(similarity(lower(s.name), :name), word_similarity(:name, lower(s.name)),
                               similarity(lower(coalesce(s.local_name, '')), :name))
                             + case when :vendor = '' then 0 else 0.5 * similarity(lower(coalesce(s.vendor, '')), :vendor) end
                               as score""") + """
                         where s.id in (select id from nearest)
                           and greatest(similarity(lower(s.name), :name), word_similarity(:name, lower(s.name)),
                                        similarity(lower(coalesce(s.local_name, '')), :name)) >= 0.35
                         order by score desc, lower(s.name) limit :limit
                        """)
                .param("name", name.toLowerCase(Locale.ROOT))
                .param("vendor", vendor == null ? "" : vendor.toLowerCase(Locale.ROOT))
                .param("candidates", 4 * limit)
                .param("limit", limit)
                .query((rs, row) -> new Similar(map(rs, row), rs.getDouble("score")))
                .list();
    }

    record Similar(RegisteredSystem system, double score) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(RegisteredSystem system) {
        jdbc.sql("""
                        insert into registered_system (id, name, local_name, vendor, department, contract_value_dkk,
                               contract_years, personal_data, hosting, conditions, request_id, kitos_uuid, local_id,
                               source, note, retired_at, retired_by, created_at, updated_at, updated_by, contract_start,
                               contract_end, notice_months, owner)
                        values (:id, :name, :localName, :vendor, :department, :contractValueDkk, :contractYears,
                               :personalData, :hosting, cast(:conditions as jsonb), :requestId, :kitosUuid, :localId,
                               :source, :note, :retiredAt, :retiredBy, :createdAt, :updatedAt, :updatedBy, :contractStart,
                               :contractEnd, :noticeMonths, :owner)
                        """)
                .params(columns(system))
                .update();
    }

    /** Replaces what a coordinator or an import may change; where it came from and its conditions stay. */
    @Transactional(propagation = Propagation.MANDATORY)
    void update(RegisteredSystem system) {
        jdbc.sql("""
                        update registered_system set name = :name, local_name = :localName, vendor = :vendor,
                               department = :department, contract_value_dkk = :contractValueDkk,
                               contract_years = :contractYears, personal_data = :personalData, hosting = :hosting,
                               kitos_uuid = :kitosUuid, local_id = :localId, note = :note, retired_at = :retiredAt,
                               retired_by = :retiredBy, updated_at = :updatedAt, updated_by = :updatedBy,
                               contract_start = :contractStart, contract_end = :contractEnd, notice_months = :noticeMonths,
                               owner = :owner
                         where id = :id
                        """)
                .params(columns(system))
                .update();
    }

    /** The row's values by parameter name (a HashMap: most may be null). */
    private Map<String, Object> columns(RegisteredSystem system) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", system.id());
        columns.put("name", system.name());
        columns.put("localName", system.localName());
        columns.put("vendor", system.vendor());
        columns.put("department", system.department());
        columns.put("contractValueDkk", system.contractValueDkk());
        columns.put("contractYears", system.contractYears());
        columns.put("personalData", system.personalData());
        columns.put("hosting", system.hosting());
        columns.put("conditions", json.write(system.conditions()));
        columns.put("requestId", system.requestId());
        columns.put("kitosUuid", system.kitosUuid());
        columns.put("localId", system.localId());
        columns.put("source", system.source().name());
        columns.put("note", system.note());
        columns.put("retiredAt", Sql.timestamp(system.retiredAt()));
        columns.put("retiredBy", system.retiredBy());
        columns.put("createdAt", Sql.timestamp(system.createdAt()));
        columns.put("updatedAt", Sql.timestamp(system.updatedAt()));
        columns.put("contractStart", system.contractStart());
        columns.put("contractEnd", system.contractEnd());
        columns.put("noticeMonths", system.noticeMonths());
        columns.put("owner", system.owner());
        columns.put("updatedBy", system.updatedBy());
        return columns;
    }

    private static String likePattern(String text) {
        return Text.isBlank(text) ? null : Sql.containing(text);
    }

    private RegisteredSystem map(ResultSet rs, int row) throws SQLException {
        BigDecimal value = rs.getBigDecimal("contract_value_dkk");
        return new RegisteredSystem(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("local_name"),
                rs.getString("vendor"),
                rs.getString("department"),
                value,
                (Integer) rs.getObject("contract_years"),
                rs.getString("personal_data"),
                rs.getString("hosting"),
                json.read(rs.getString("conditions"), STRINGS),
                rs.getObject("request_id", UUID.class),
                rs.getString("request_reference"),
                rs.getObject("kitos_uuid", UUID.class),
                rs.getString("local_id"),
                RegisterSource.valueOf(rs.getString("source")),
                rs.getString("note"),
                Sql.instant(rs, "retired_at"),
                rs.getString("retired_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getString("updated_by"),
                rs.getObject("contract_start", LocalDate.class),
                rs.getObject("contract_end", LocalDate.class),
                (Integer) rs.getObject("notice_months"),
                rs.getString("owner"));
    }
}
