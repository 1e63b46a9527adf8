package dk.indkoebsscreening.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's history rows of the historic requests: every history row of one process the application really ran
 * (its instance, tasks, activities, variables, …), copied for each historic request with fresh ids, the request's
 * process instance id and reference, its municipality as the tenant, and its times moved to the request's. Byte arrays
 * (serialized variables) stay the template's, shared by the copies: the benchmark reads history, it never cleans it up;
 * nor does the engine during a run, as every copy keeps the template's removal time, ahead of now.
 */
final class EngineHistoryCopies {

    /** Id columns that name something shared, not a row of this process: kept as they are. */
    private static final Set<String> SHARED_IDS = Set.of("proc_def_id_", "proc_def_key_", "case_def_id_", "case_def_key_",
            "decision_def_id_", "decision_def_key_", "decision_req_def_id_", "bytearray_id_", "byte_array_id_", "tenant_id_",
            "user_id_", "group_id_", "deployment_id_", "job_def_id_", "batch_id_", "root_decision_inst_id_", "operation_id_");

    private EngineHistoryCopies() {
    }

    /** Copies the template process's history rows for historic requests from..to of the municipality. */
    static long copy(Connection db, String templateProcess, int from, int to, String municipality) throws SQLException {
        long rows = 0;
        for (String table : tablesWithRowsOf(db, templateProcess)) {
            List<String> columns = new ArrayList<>();
            List<Value> values = new ArrayList<>();
            for (Map.Entry<String, String> column : columns(db, table).entrySet()) {
                columns.add(column.getKey());
                values.add(copied(column.getKey(), column.getValue(), templateProcess, municipality));
            }
            String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select "
                    + String.join(", ", values.stream().map(Value::sql).toList())
                    + " from " + table + " t, (select g, md5('p' || g)::uuid::text as pid, 'HIS-' || g as reference,"
                    + " (now() - interval '10 days' - interval '1 day' * (g % 1800)) - (select start_time_ from act_hi_procinst"
                    + " where proc_inst_id_ = ?) as shift from generate_series(?, ?) g) copy where t.proc_inst_id_ = ?";
            try (PreparedStatement insert = db.prepareStatement(sql)) {
                int p = 1;
                for (Value value : values) {
                    if (value.parameter() != null) {
                        insert.setString(p++, value.parameter());
                    }
                }
                insert.setString(p++, templateProcess);
                insert.setInt(p++, from);
                insert.setInt(p++, to);
                insert.setString(p, templateProcess);
                rows += insert.executeUpdate();
            }
        }
        return rows;
    }

    /** A column's value in the copy: an expression of the template's row {@code t} and the copy, with at most one parameter. */
    private record Value(String sql, String parameter) {
    }

    private static Value copied(String column, String type, String templateProcess, String municipality) {
        if (column.equals("proc_inst_id_") || column.equals("root_proc_inst_id_")) {
            return new Value("copy.pid", null);
        }
        if (column.equals("business_key_")) {
            return new Value("copy.reference", null);
        }
        if (column.equals("tenant_id_")) {
            return new Value("cast(? as varchar)", municipality);
        }
        if (column.equals("removal_time_")) {
            // The template's, ahead of now: moved back with the rest, four in five copies would be past their time to
            // live, and the engine's history cleanup (at night) would spend its window deleting millions of rows that a
            // real installation had deleted night by night, on their day.
            return new Value("t." + column, null);
        }
        if (type.startsWith("timestamp")) {
            return new Value("t." + column + " + copy.shift", null);
        }
        if ((column.equals("id_") || column.endsWith("_id_")) && !SHARED_IDS.contains(column) && type.startsWith("character")) {
            // The process's own id wherever it appears (an activity's parent), a fresh one for everything else.
            return new Value("case when t." + column + " is null then null when t." + column + " = ? then copy.pid else md5(t."
                    + column + " || copy.g)::uuid::text end", templateProcess);
        }
        return new Value("t." + column, null);
    }

    private static List<String> tablesWithRowsOf(Connection db, String process) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                select table_name from information_schema.columns
                 where table_schema = current_schema() and table_name like 'act\\_hi\\_%' and column_name = 'proc_inst_id_'
                 order by table_name""");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<String> withRows = new ArrayList<>();
        for (String table : tables) {
            try (PreparedStatement any = db.prepareStatement("select exists (select 1 from " + table + " where proc_inst_id_ = ?)")) {
                any.setString(1, process);
                try (ResultSet rs = any.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        withRows.add(table);
                    }
                }
            }
        }
        return withRows;
    }

    private static Map<String, String> columns(Connection db, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select column_name, data_type from information_schema.columns
                 where table_schema = current_schema() and table_name = ? order by ordinal_position""")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return columns;
    }
}
