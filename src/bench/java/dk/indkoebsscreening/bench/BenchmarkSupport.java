package dk.indkoebsscreening.bench;

import dk.indkoebsscreening.IndkoebsscreeningApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: one real PostgreSQL 17 server (zonky's binaries, with
 * pg_stat_statements loaded) that every application run and pgbench use, each in its own database,
 * and the application started against it on random ports with its in-process Kafka broker.
 */
final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                // As production and the application's embedded server: zonky's builder turns both off.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.max", "10000")
                .setServerConfig("max_connections", "200")
                .setRegisterShutdownHook(true)
                .start();
    }

    /** The application's own role, as in production: neither superuser nor exempt from row-level security. */
    static final String APPLICATION_ROLE = "indkoebsscreening";

    /** A database owned by the application's role (which then owns the schema the migrations make), with pg_stat_statements. */
    static void createDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE + "') then "
                    + "create role " + APPLICATION_ROLE + " login nosuperuser nobypassrls password '" + APPLICATION_ROLE + "'; end if; end $$");
            s.execute("create database " + name + " owner " + APPLICATION_ROLE);
        }
        try (Connection c = postgres.getDatabase("postgres", name).getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
        }
    }

    /**
     * Makes the benchmark's own connection (the server's superuser, which row-level security does not bind) write rows
     * of this municipality, as the application's connections do for their scope: the historic rows it inserts.
     */
    static void actFor(Connection db, String municipality) throws SQLException {
        try (PreparedStatement set = db.prepareStatement("select set_config('indkoeb.tenant', ?, false), set_config('indkoeb.tenants', ?, false)")) {
            set.setString(1, municipality);
            set.setString(2, municipality);
            set.execute();
        }
    }

    static ConfigurableApplicationContext startApp(EmbeddedPostgres postgres, String database, Map<String, Object> properties) {
        Map<String, Object> all = appProperties(postgres, database, properties);
        all.put("server.port", "0");
        // As command-line arguments: they win over application.yml (builder properties would not).
        return new SpringApplicationBuilder(IndkoebsscreeningApplication.class)
                .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** The application's settings for a benchmark: this database as the application's role, quiet logs, then these. */
    static Map<String, Object> appProperties(EmbeddedPostgres postgres, String database, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("indkoeb.embedded-postgres.enabled", "false");
        all.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database);
        all.put("spring.datasource.username", APPLICATION_ROLE);
        all.put("spring.datasource.password", APPLICATION_ROLE);
        // One histogram over the whole run instead of Micrometer's sliding two-minute window.
        all.put("management.metrics.distribution.expiry[indkoeb.outbox.commit-to-ack]", "1h");
        all.put("management.metrics.distribution.buffer-length[indkoeb.outbox.commit-to-ack]", "1");
        all.put("logging.level.root", "WARN");
        all.put("logging.level.dk.indkoebsscreening", "WARN");
        all.putAll(properties);
        return all;
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Busy and total jiffies of all CPUs, from /proc/stat. */
    static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException e) {
            return new long[] {0, 1};
        }
    }

    static double busyPercent(long[] before, long[] after) {
        return 100.0 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
    }

    /** CPU time of this JVM (application, its Kafka broker, and the benchmark's own clients). */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time of this JVM's live threads, summed by what they do: the application's request threads,
     * its job executor, its outbox relay, the Kafka broker, the benchmark's own clients. What a thread
     * used before it ended, the JIT compiler and the garbage collector are in none of them: that is the
     * process's CPU time minus these.
     */
    static Map<String, Long> threadCpuNanosByRole() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byRole = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byRole.merge(role(info.getThreadName()), cpu, Long::sum);
            }
        }
        return byRole;
    }

    private static String role(String thread) {
        if (thread.startsWith("http-nio")) {
            return "application: HTTP requests (Tomcat threads)";
        }
        if (thread.startsWith("camundaTaskExecutor") || thread.startsWith("JobExecutor")) {
            return "application: Camunda job executor";
        }
        if (thread.startsWith("outbox-relay") || thread.contains("indkoebsscreening-outbox-relay")) {
            return "application: outbox relay and its Kafka producer";
        }
        if (thread.startsWith("benchmark") || thread.startsWith("pool-") || thread.startsWith("HttpClient")
                || thread.contains("| benchmark")) {
            return "benchmark: HTTP clients and decision consumer";
        }
        if (thread.contains("kafka") || thread.startsWith("controller") || thread.startsWith("quorum")
                || thread.startsWith("broker") || thread.startsWith("raft")) {
            return "Kafka broker (in process)";
        }
        return "other threads";
    }

    /** The postmaster of the server this connection talks to. */
    static long postmasterPid(Connection c) throws SQLException {
        long backend = queryLong(c, "select pg_backend_pid()");
        return Long.parseLong(statFields(backend)[1]);
    }

    /** CPU time in ms of the PostgreSQL server: postmaster, its finished children and its live children. */
    static long postgresCpuMillis(long postmaster) {
        long ticks = 0;
        String[] pm = statFields(postmaster);
        for (int i = 11; i <= 14; i++) {
            ticks += Long.parseLong(pm[i]);
        }
        java.io.File[] procs = new java.io.File("/proc").listFiles((dir, name) -> name.matches("\\d+"));
        for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
            String[] f = statFields(Long.parseLong(proc.getName()));
            if (f != null && f[1].equals(String.valueOf(postmaster))) {
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /** CPU time in ms of one process (all its threads), user and system. */
    static long processCpuMillis(long pid) {
        String[] f = statFields(pid);
        return f == null ? -1 : (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Latencies per call type, in nanoseconds. */
    static final class Latencies {
        private final Map<String, ConcurrentLinkedQueue<Long>> byType = new ConcurrentHashMap<>();
        private final List<String> order = Collections.synchronizedList(new ArrayList<>());

        void record(String type, long nanos) {
            byType.computeIfAbsent(type, t -> {
                order.add(t);
                return new ConcurrentLinkedQueue<>();
            }).add(nanos);
        }

        <T> T time(String type, java.util.function.Supplier<T> call) {
            long start = System.nanoTime();
            try {
                return call.get();
            } finally {
                record(type, System.nanoTime() - start);
            }
        }

        List<String> types() {
            return List.copyOf(order);
        }

        long count(String type) {
            return byType.get(type).size();
        }

        double percentileMillis(String type, double p) {
            List<Long> values = new ArrayList<>(byType.get(type));
            Collections.sort(values);
            int index = (int) Math.ceil(p / 100.0 * values.size()) - 1;
            return values.get(Math.max(0, Math.min(values.size() - 1, index))) / 1e6;
        }

        double overallPercentileMillis(double p) {
            List<Long> values = new ArrayList<>();
            byType.values().forEach(values::addAll);
            Collections.sort(values);
            int index = (int) Math.ceil(p / 100.0 * values.size()) - 1;
            return values.get(Math.max(0, Math.min(values.size() - 1, index))) / 1e6;
        }

        void print(String indent) {
            System.out.printf("%s%-42s %7s %9s %9s %9s%n", indent, "call", "n", "p50 ms", "p95 ms", "p99 ms");
            for (String type : types()) {
                System.out.printf("%s%-42s %7d %9.1f %9.1f %9.1f%n", indent, type, count(type),
                        percentileMillis(type, 50), percentileMillis(type, 95), percentileMillis(type, 99));
            }
        }
    }
}
