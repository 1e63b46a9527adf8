package dk.indkoebsscreening.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput and latency of whole lifecycles: C concurrent clients drive N requests over HTTP
 * through submission, triage, six screenings and the decision; a lifecycle ends when a Kafka consumer
 * has received its decision event. One PostgreSQL 17 server serves, each in its own database: pgbench
 * (the machine's reference), the application as shipped ("tuned") and the application with
 * Camunda/Spring Boot defaults ("default"). Not a test and not part of {@code mvn verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=LifecycleBenchmark} (see BENCHMARKS.md).
 */
class LifecycleBenchmark {

    static final int LIFECYCLES = Integer.getInteger("benchmark.lifecycles", 200);
    static final int CLIENTS = Integer.getInteger("benchmark.clients", 20);
    /** Per configuration, before its measurement: its own caches, pools and connections. */
    static final int WARM_UP = Integer.getInteger("benchmark.warmup", 150);
    /**
     * Once, before all configurations, unmeasured: the JIT compiles the shared code paths here, so that
     * the first configuration is not measured half-compiled and the order of the configurations does
     * not decide the comparison (it did by 20-30 %, BENCHMARKS.md).
     */
    static final int JVM_WARM_UP = Integer.getInteger("benchmark.jvmWarmup", 300);
    static final int PGBENCH_SECONDS = Integer.getInteger("benchmark.pgbench.seconds", 20);
    static final String CONFIGS = System.getProperty("benchmark.configs", "tuned,default");
    private static final AtomicInteger RUNS = new AtomicInteger();
    static final String PGBENCH = System.getProperty("benchmark.pgbench", "/usr/lib/postgresql/15/bin/pgbench");

    /** The application as shipped (application.yml), with the production job-executor timings. */
    static Map<String, Object> tuned() {
        Map<String, Object> p = new LinkedHashMap<>();
        // The test classpath's config/application.yml shortens these for tests: restore the shipped values.
        p.put("camunda.bpm.job-execution.wait-time-in-millis", "5000");
        p.put("camunda.bpm.job-execution.max-wait", "60000");
        p.put("indkoeb.overview.max-age", "5m");
        p.put("indkoeb.overview.refresh-interval", "1m");
        return p;
    }

    /**
     * "Default": what a team gets from the Camunda starter and Spring Boot without tuning.
     * History level full (Camunda's default; we ship audit-lean), the job executor's defaults, Hikari's
     * default pool of 10 (we ship 20), and an outbox relay that only polls every second (no wake-up on
     * commit).
     */
    static Map<String, Object> defaults() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("camunda.bpm.history-level", "full");
        p.put("camunda.bpm.job-execution.wait-time-in-millis", "5000");
        p.put("camunda.bpm.job-execution.max-wait", "60000");
        p.put("spring.datasource.hikari.maximum-pool-size", "10");
        p.put("indkoeb.events.relay.wake-on-commit", "false");
        p.put("indkoeb.security.authentication-cache", "0s");
        return p;
    }

    /** The named configuration's properties; the experiments are the shipped one with one thing changed. */
    static Map<String, Object> configuration(String name) {
        Map<String, Object> p = name.equals("default") ? defaults() : tuned();
        switch (name) {
            case "tuned", "default" -> { }
            // Hikari's default pool of 10 instead of our 20 (admission control on 2 cores).
            case "tuned-pool10" -> p.put("spring.datasource.hikari.maximum-pool-size", "10");
            // A round per commit, as before the relay coalesced its wake-ups.
            case "tuned-no-coalesce" -> p.put("indkoeb.events.relay.coalesce", "0ms");
            // Camunda's authorization rows per task (candidate groups, assignee), which nothing here reads.
            case "tuned-task-authorizations" -> p.put("indkoeb.engine.per-task-authorizations", "true");
            // Camunda's audit: an activity instance for every gateway, event and service task too.
            case "history-audit" -> p.put("camunda.bpm.history-level", "audit");
            // History without variable values (Cockpit keeps activities and tasks).
            case "history-activity" -> p.put("camunda.bpm.history-level", "activity");
            // Not a configuration to ship: what the engine's history and its authorizations (which keep
            // Tasklist and Cockpit safe) cost per lifecycle.
            case "bare" -> {
                p.put("camunda.bpm.history-level", "none");
                p.put("camunda.bpm.authorization.enabled", "false");
            }
            default -> throw new IllegalArgumentException("Unknown benchmark configuration: " + name);
        }
        return p;
    }

    record RunResult(String name, double lifecyclesPerSecond, double seconds, double apiP99, double ackP50,
                     double ackP99, double xactPerLifecycle, double statementsPerLifecycle, double cpuMsPerLifecycle, double cpuBusy,
                     String load) {
    }

    @Test
    void lifecycles() throws Exception {
        System.out.printf("%nLifecycle benchmark: N=%d lifecycles, C=%d clients, %d warm-up; load average at start %s%n",
                LIFECYCLES, CLIENTS, WARM_UP, BenchmarkSupport.loadAverage());
        // A name may come twice: the first configuration after the JVM warm-up pays 30-80 ms of CPU per lifecycle
        // more than the same one later (BENCHMARKS.md), so comparisons alternate, e.g. "tuned,default,tuned,default".
        List<Map.Entry<String, Map<String, Object>>> configurations = new ArrayList<>();
        for (String name : CONFIGS.split(",")) {
            configurations.add(Map.entry(name, configuration(name))); // an unknown name fails here, before the long part
        }
        try (EmbeddedPostgres postgres = BenchmarkSupport.startPostgres()) {
            double pgbenchTps = pgbench(postgres);
            warmUpJvm(postgres);
            List<RunResult> results = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> configuration : configurations) {
                results.add(run(postgres, configuration.getKey(), configuration.getValue()));
            }
            System.out.printf("%nSummary (pgbench TPS %.0f)%n", pgbenchTps);
            System.out.printf("  %-8s %10s %9s %9s %9s %9s %10s %10s %10s %7s  %s%n", "config", "lifec./s", "API p99",
                    "ack p50", "ack p99", "xact/lc", "stmts/lc", "CPU ms/lc", "lc/s÷TPS", "CPU %", "load");
            for (RunResult r : results) {
                System.out.printf("  %-8s %10.2f %9.1f %9.1f %9.1f %9.0f %10.0f %10.0f %10.5f %7.0f  %s%n", r.name(),
                        r.lifecyclesPerSecond(), r.apiP99(), r.ackP50(), r.ackP99(), r.xactPerLifecycle(),
                        r.statementsPerLifecycle(), r.cpuMsPerLifecycle(), r.lifecyclesPerSecond() / pgbenchTps, r.cpuBusy(), r.load());
            }
            if (results.size() == 2) {
                RunResult a = results.get(0);
                RunResult b = results.get(1);
                System.out.printf("  ratio %s÷%s: lifecycles/s %.2f, API p99 %.2f, ack p99 %.2f, statements/lifecycle %.2f%n",
                        a.name(), b.name(), a.lifecyclesPerSecond() / b.lifecyclesPerSecond(), a.apiP99() / b.apiP99(),
                        a.ackP99() / b.ackP99(), a.statementsPerLifecycle() / b.statementsPerLifecycle());
                System.out.printf("  ratio %s÷%s: CPU per lifecycle %.2f (load-independent)%n", a.name(), b.name(),
                        a.cpuMsPerLifecycle() / b.cpuMsPerLifecycle());
            }
            for (RunResult r : results) {
                System.out.printf("  %s: app transactions/s %.0f = %.3f × pgbench TPS%n", r.name(),
                        r.xactPerLifecycle() * r.lifecyclesPerSecond(), r.xactPerLifecycle() * r.lifecyclesPerSecond() / pgbenchTps);
            }
        }
    }

    /** TPC-B-like pgbench on a database of its own in the same server: the physical reference. */
    static double pgbench(EmbeddedPostgres postgres) throws Exception {
        BenchmarkSupport.createDatabase(postgres, "pgbench");
        String port = String.valueOf(postgres.getPort());
        exec(List.of(PGBENCH, "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-i", "-q", "-s", "10", "pgbench"));
        String load = BenchmarkSupport.loadAverage();
        long[] cpu = BenchmarkSupport.cpuTicks();
        String out = exec(List.of(PGBENCH, "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-n", "-c", "4", "-j", "2",
                "-T", String.valueOf(PGBENCH_SECONDS), "pgbench"));
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        double tps = Double.parseDouble(m.group(1));
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
        System.out.printf("%npgbench (TPC-B-like, scale 10, -c 4 -j 2 -T %d) on the same server: %.0f TPS, latency average %s ms; "
                        + "CPU busy %.0f %%; load before %s, after %s%n", PGBENCH_SECONDS, tps,
                latency.find() ? latency.group(1) : "?", BenchmarkSupport.busyPercent(cpu, BenchmarkSupport.cpuTicks()),
                load, BenchmarkSupport.loadAverage());
        return tps;
    }

    private static String exec(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> out.append(line).append('\n'));
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out.toString();
    }

    private static void warmUpJvm(EmbeddedPostgres postgres) throws Exception {
        if (JVM_WARM_UP == 0) {
            return;
        }
        BenchmarkSupport.createDatabase(postgres, "app_jvm_warmup");
        ConfigurableApplicationContext context = BenchmarkSupport.startApp(postgres, "app_jvm_warmup", tuned());
        try {
            Lifecycle answers = new Lifecycle(null, context.getBean(ChecklistProperties.class));
            drive(BenchmarkSupport.port(context), answers, JVM_WARM_UP, CLIENTS, "JVM-opvarmning", new BenchmarkSupport.Latencies());
            System.out.printf("%nJVM warm-up: %d lifecycles by %d clients, not measured%n", JVM_WARM_UP, CLIENTS);
        } finally {
            context.close();
        }
    }

    static RunResult run(EmbeddedPostgres postgres, String name, Map<String, Object> properties) throws Exception {
        String database = "app_" + RUNS.incrementAndGet() + "_" + name.replace('-', '_');
        BenchmarkSupport.createDatabase(postgres, database);
        System.out.printf("%n[%s] properties %s%n", name, properties);
        ConfigurableApplicationContext context = BenchmarkSupport.startApp(postgres, database, properties);
        DecisionConsumer consumer = new DecisionConsumer(context.getBean(EmbeddedKafkaBroker.class).bootstrapServers(),
                context.getEnvironment().getProperty("indkoeb.events.topics.decisions"));
        try (Connection stats = postgres.getDatabase("postgres", database).getConnection()) {
            int port = BenchmarkSupport.port(context);
            ChecklistProperties checklists = context.getBean(ChecklistProperties.class);
            Lifecycle answers = new Lifecycle(null, checklists);

            BenchmarkSupport.Latencies warmUpLatencies = new BenchmarkSupport.Latencies();
            List<String> warmUpIds = drive(port, answers, WARM_UP, Math.min(CLIENTS, 4), "Opvarmning", warmUpLatencies);
            consumer.awaitAll(warmUpIds);
            // Backends publish their statistics when idle, at most every 10 s: let them settle.
            Thread.sleep(11_000);
            long xact0 = xacts(stats, database);
            long statements0 = statements(stats, database);
            Timer timer = context.getBean(MeterRegistry.class).get("indkoeb.outbox.commit-to-ack").timer();
            String load0 = BenchmarkSupport.loadAverage();
            long[] cpu0 = BenchmarkSupport.cpuTicks();
            long postmaster = BenchmarkSupport.postmasterPid(stats);
            long jvmCpu0 = BenchmarkSupport.jvmCpuNanos();
            Map<String, Long> threadCpu0 = BenchmarkSupport.threadCpuNanosByRole();
            long pgCpu0 = BenchmarkSupport.postgresCpuMillis(postmaster);

            BenchmarkSupport.Latencies latencies = new BenchmarkSupport.Latencies();
            long started = System.nanoTime();
            List<String> ids = drive(port, answers, LIFECYCLES, CLIENTS, "Benchmark", latencies);
            long lastDecisionNanos = consumer.awaitAll(ids);
            double seconds = (lastDecisionNanos - started) / 1e9;
            double busy = BenchmarkSupport.busyPercent(cpu0, BenchmarkSupport.cpuTicks());
            double jvmCpuMs = (BenchmarkSupport.jvmCpuNanos() - jvmCpu0) / 1e6 / LIFECYCLES;
            Map<String, Long> threadCpu1 = BenchmarkSupport.threadCpuNanosByRole();
            double pgCpuMs = (double) (BenchmarkSupport.postgresCpuMillis(postmaster) - pgCpu0) / LIFECYCLES;
            String load1 = BenchmarkSupport.loadAverage();
            long statements1 = statements(stats, database);
            HistogramSnapshot ack = timer.takeSnapshot();
            context.close();
            context = null;
            Thread.sleep(1_000);
            // Closed connections have flushed their statistics.
            long xact1 = xacts(stats, database);

            double lps = LIFECYCLES / seconds;
            System.out.printf("[%s] %d lifecycles by %d clients in %.1f s: %.2f lifecycles/s (until the last decision event "
                            + "reached the consumer); CPU busy %.0f %% of 2 cores; load %s -> %s%n",
                    name, LIFECYCLES, CLIENTS, seconds, lps, busy, load0, load1);
            System.out.printf("    CPU per lifecycle: %.0f ms in the JVM (application, Kafka broker, benchmark clients) + %.0f ms "
                            + "in PostgreSQL = %.0f ms; 2 idle cores would allow at most %.1f lifecycles/s%n",
                    jvmCpuMs, pgCpuMs, jvmCpuMs + pgCpuMs, 2000 / (jvmCpuMs + pgCpuMs));
            printCpuByRole(threadCpu0, threadCpu1, jvmCpuMs, pgCpuMs);
            latencies.print("    ");
            System.out.printf("    %-42s %7d %9.1f %9.1f %9.1f%n", "all API calls", 0L,
                    latencies.overallPercentileMillis(50), latencies.overallPercentileMillis(95), latencies.overallPercentileMillis(99));
            double ackP50 = 0;
            double ackP99 = 0;
            for (ValueAtPercentile p : ack.percentileValues()) {
                if (p.percentile() == 0.5) {
                    ackP50 = p.value(TimeUnit.MILLISECONDS);
                }
                if (p.percentile() == 0.99) {
                    ackP99 = p.value(TimeUnit.MILLISECONDS);
                }
            }
            System.out.printf("    commit-to-Kafka-ack over %d events (incl. warm-up): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ack.count(), ackP50, ackP99, ack.max(TimeUnit.MILLISECONDS));
            double xactPerLc = (double) (xact1 - xact0) / LIFECYCLES;
            double stmtPerLc = (double) (statements1 - statements0) / LIFECYCLES;
            System.out.printf("    PostgreSQL per lifecycle: %.0f transactions (pg_stat_database xact_commit+xact_rollback), "
                    + "%.0f statements (pg_stat_statements calls)%n", xactPerLc, stmtPerLc);
            topStatements(stats, database);
            return new RunResult(name, lps, seconds, latencies.overallPercentileMillis(99), ackP50, ackP99, xactPerLc,
                    stmtPerLc, jvmCpuMs + pgCpuMs, busy, load0 + " -> " + load1);
        } finally {
            consumer.close();
            if (context != null) {
                context.close();
            }
        }
    }

    /** Splits the CPU per lifecycle by who used it, so that the application's share is not guessed. */
    private static void printCpuByRole(Map<String, Long> before, Map<String, Long> after, double jvmCpuMs, double pgCpuMs) {
        double threadsMs = 0;
        for (Map.Entry<String, Long> role : after.entrySet()) {
            double ms = (role.getValue() - before.getOrDefault(role.getKey(), 0L)) / 1e6 / LIFECYCLES;
            threadsMs += ms;
            System.out.printf("      %-52s %6.0f ms%n", role.getKey(), ms);
        }
        System.out.printf("      %-52s %6.0f ms%n", "JVM: JIT compiler, garbage collector, ended threads", jvmCpuMs - threadsMs);
        System.out.printf("      %-52s %6.0f ms%n", "PostgreSQL server", pgCpuMs);
    }

    private static long xacts(Connection c, String database) throws Exception {
        return BenchmarkSupport.queryLong(c, "select xact_commit + xact_rollback from pg_stat_database where datname = '" + database + "'");
    }

    private static long statements(Connection c, String database) throws Exception {
        return BenchmarkSupport.queryLong(c, "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d "
                + "on d.oid = s.dbid where d.datname = '" + database + "' and s.query not like '%pg_stat%'");
    }

    private static void topStatements(Connection c, String database) throws Exception {
        if (!Boolean.getBoolean("benchmark.topStatements")) {
            return;
        }
        try (var s = c.createStatement(); var rs = s.executeQuery("select calls, round(total_exec_time) as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) "
                + "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '" + database + "' "
                + "order by calls desc limit 25")) {
            System.out.println("    most frequent statements over the whole run (calls, total ms, text):");
            while (rs.next()) {
                System.out.printf("      %8d %7d  %s%n", rs.getLong(1), rs.getLong(2), rs.getString(3));
            }
        }
    }

    /** Runs n lifecycles with c clients and returns the request ids; every call's latency is recorded. */
    static List<String> drive(int port, Lifecycle answers, int n, int c, String title, BenchmarkSupport.Latencies latencies)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(c);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String requestTitle = title + " " + i;
                String requester = i % 2 == 0 ? "anna" : "bent";
                runs.add(clients.submit(() -> lifecycle(new ApiClient(port), answers, requester, requestTitle, latencies)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> run : runs) {
                ids.add(run.get(5, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    static String lifecycle(ApiClient api, Lifecycle answers, String requester, String title, BenchmarkSupport.Latencies l) {
        String id = l.time("submit", () -> api.submit(requester, title)).get("id").asText();
        JsonNode triage = awaitTask(api, l, Lifecycle.COORDINATOR, id, "TRIAGE");
        complete(api, l, "complete triage", Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT"));
        for (Area area : Area.values()) {
            String expert = Lifecycle.expertFor(area);
            JsonNode task = awaitTask(api, l, expert, id, "SCREENING");
            complete(api, l, "complete screening", expert, task, answers.approval(area));
        }
        l.time("request status (requester)", () -> api.get(requester, "/api/requests/" + id));
        JsonNode decision = awaitTask(api, l, Lifecycle.COORDINATOR, id, "DECISION");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", "APPROVED");
        body.put("reason", null);
        complete(api, l, "complete decision", Lifecycle.COORDINATOR, decision, body);
        return id;
    }

    private static JsonNode awaitTask(ApiClient api, BenchmarkSupport.Latencies l, String user, String requestId, String type) {
        String label = user.equals(Lifecycle.COORDINATOR) ? "task list (coordinator)" : "task list (expert)";
        return Eventually.await(type + " task for " + user, () -> {
            List<JsonNode> tasks = l.time(label, () -> api.tasks(user));
            return tasks.stream()
                    .filter(task -> task.get("requestId").asText().equals(requestId))
                    .filter(task -> task.get("type").asText().equals(type))
                    .findFirst();
        });
    }

    private static void complete(ApiClient api, BenchmarkSupport.Latencies l, String label, String user, JsonNode task, Object body) {
        ApiClient.Response response = l.time(label, () -> api.complete(user, task.get("id").asText(), body));
        if (response.status() != 204) {
            throw new AssertionError(label + " failed: " + response);
        }
    }

    /** Reads the decisions topic like an integrated system; remembers when each request's decision arrived. */
    static final class DecisionConsumer implements AutoCloseable {
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        DecisionConsumer(String bootstrapServers, String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
            thread = new Thread(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                            arrivals.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            }, "benchmark-decision-consumer");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until every id's decision has arrived; returns the latest arrival time. */
        long awaitAll(List<String> ids) throws InterruptedException {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!arrivals.keySet().containsAll(ids)) {
                if (System.nanoTime() > giveUp) {
                    throw new AssertionError("Decision events missing after 2 min: "
                            + ids.stream().filter(id -> !arrivals.containsKey(id)).count());
                }
                Thread.sleep(20);
            }
            return ids.stream().mapToLong(arrivals::get).max().orElseThrow();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
