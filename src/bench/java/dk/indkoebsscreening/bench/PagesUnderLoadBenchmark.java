package dk.indkoebsscreening.bench;

import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Lifecycle;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pages people use, with the JSON API beside them, under many simulated users who pause between clicks
 * (think time 2-5 s, mixed roles: requesters, experts, coordinators), at 1k and
 * 100k historic requests. For each number of users: p50/p95/p99 per page, the request rate and errors; then the
 * largest number of users for which every page's p95 stayed under 100 ms. Pages are fetched with HTTP Basic (each
 * page takes it, and a remembered login costs what a session would). Not a test; see BENCHMARKS.md.
 * {@code ./mvnw -Pbenchmark test -Dtest=PagesUnderLoadBenchmark}
 */
class PagesUnderLoadBenchmark {

    static final int[] LEVELS = ints(System.getProperty("benchmark.pages.levels", "1000,100000"));
    static final int[] USERS = ints(System.getProperty("benchmark.pages.users", "50,100,200,400"));
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("benchmark.pages.seconds", 40));
    static final double GOAL_P95_MS = 100;

    /** One role's clicks, in the order a person of that role makes them, repeated. */
    record Role(String name, List<String> users, List<Page> pages) {
    }

    record Page(String name, String path) {
    }

    @Test
    void pagesUnderLoad() throws Exception {
        System.out.printf("%nPages under load: levels %s, users %s, %d s each, think time 2-5 s; load average at start %s%n",
                Arrays.toString(LEVELS), Arrays.toString(USERS), MEASURE.toSeconds(), BenchmarkSupport.loadAverage());
        try (EmbeddedPostgres postgres = BenchmarkSupport.startPostgres()) {
            BenchmarkSupport.createDatabase(postgres, "pages");
            ConfigurableApplicationContext context = BenchmarkSupport.startApp(postgres, "pages", LifecycleBenchmark.tuned());
            try (Connection db = postgres.getDatabase("postgres", "pages").getConnection()) {
                BenchmarkSupport.actFor(db, context.getBean(InstallationProperties.class).municipalityId());
                ApiClient api = new ApiClient(BenchmarkSupport.port(context));
                Lifecycle lifecycle = new Lifecycle(api, context.getBean(ChecklistProperties.class));
                String triaged = lifecycle.submitAndAccept("anna", "Under belastning i screening");
                for (int i = 0; i < 10; i++) {
                    api.submit(i % 2 == 0 ? "anna" : "bent", "Under belastning i triage " + i);
                    lifecycle.submitAndAccept(i % 2 == 0 ? "anna" : "bent", "Under belastning " + i);
                }
                String screeningTask = api.awaitTask("sikkerhed", triaged, "SCREENING").get("id").asText();
                String inTriage = api.submit("anna", "Under belastning, venter på triage").get("id").asText();
                String triageTask = api.awaitTask(Lifecycle.COORDINATOR, inTriage, "TRIAGE").get("id").asText();
                List<Role> roles = roles(triaged, screeningTask, triageTask);
                int have = 0;
                for (int level : LEVELS) {
                    long t0 = System.nanoTime();
                    GrowthBenchmark.insertHistoric(db, have + 1, level);
                    have = level;
                    try (Statement s = db.createStatement()) {
                        s.execute("vacuum analyze");
                    }
                    System.out.printf("%n[%d historic requests] generated in %.1f s%n", level, (System.nanoTime() - t0) / 1e9);
                    int served = 0;
                    for (int users : USERS) {
                        double worstP95 = run(api, roles, users);
                        if (worstP95 < GOAL_P95_MS) {
                            served = users;
                        }
                    }
                    System.out.printf("  => at %d historic requests every page p95 < %.0f ms up to %d users (of those run)%n",
                            level, GOAL_P95_MS, served);
                }
            } finally {
                context.close();
            }
        }
    }

    /** Mixed roles in proportion: mostly requesters, a dozen experts per hundred users, a few coordinators. */
    private static List<Role> roles(String requestId, String screeningTask, String triageTask) {
        return List.of(
                new Role("requester", List.of("anna"), List.of(
                        new Page("my requests /anmodninger", "/anmodninger"),
                        new Page("request page /anmodninger/{id}", "/anmodninger/" + requestId),
                        new Page("request form /anmodninger/ny", "/anmodninger/ny"),
                        new Page("systems /systemer", "/systemer"),
                        new Page("duplicate check /anmodninger/lignende", "/anmodninger/lignende?systemName=System+42&vendor=Leverand%C3%B8r"),
                        new Page("API status GET /api/requests/{id}", "/api/requests/" + requestId))),
                new Role("expert", List.of("sikkerhed"), List.of(
                        new Page("inbox /opgaver", "/opgaver"),
                        new Page("task page /opgaver/{id}", "/opgaver/" + screeningTask),
                        new Page("request page /anmodninger/{id}", "/anmodninger/" + requestId),
                        new Page("search /anmodninger/alle?q=", "/anmodninger/alle?q=historisk+anmodning+4711"))),
                new Role("coordinator", List.of("koordinator"), List.of(
                        new Page("inbox /opgaver", "/opgaver"),
                        new Page("triage page /opgaver/{id}", "/opgaver/" + triageTask),
                        new Page("dashboard /overblik", "/overblik"),
                        new Page("search /anmodninger/alle?q=", "/anmodninger/alle?q=leverand%C3%B8r+17&status=REJECTED"),
                        new Page("API inbox GET /api/tasks", "/api/tasks"))));
    }

    /** Of every 20 users: 15 requesters, 4 experts, 1 coordinator. */
    private static Role roleOf(int user, List<Role> roles) {
        int slot = user % 20;
        return roles.get(slot < 15 ? 0 : slot < 19 ? 1 : 2);
    }

    /** Runs the users for the measuring time after a ramp-up of one think time; returns the worst page p95. */
    private static double run(ApiClient api, List<Role> roles, int users) throws InterruptedException {
        BenchmarkSupport.Latencies latencies = new BenchmarkSupport.Latencies();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(Math.min(64, Math.max(8, users / 6)));
        for (int user = 0; user < users; user++) {
            Role role = roleOf(user, roles);
            String account = role.users().get(user % role.users().size());
            clock.schedule(new Runnable() {
                private int click = ThreadLocalRandom.current().nextInt(role.pages().size());

                @Override
                public void run() {
                    if (!running.get()) {
                        return;
                    }
                    Page page = role.pages().get(click++ % role.pages().size());
                    long start = System.nanoTime();
                    int status = api.raw(account, "GET", page.path(), null, null).status();
                    if (measuring.get()) {
                        latencies.record(page.name(), System.nanoTime() - start);
                        calls.incrementAndGet();
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                    }
                    clock.schedule(this, thinkMillis(), TimeUnit.MILLISECONDS);
                }
            }, thinkMillis(), TimeUnit.MILLISECONDS);
        }
        Thread.sleep(5_000);
        measuring.set(true);
        long[] cpuBefore = BenchmarkSupport.cpuTicks();
        Thread.sleep(MEASURE.toMillis());
        long[] cpuAfter = BenchmarkSupport.cpuTicks();
        measuring.set(false);
        running.set(false);
        clock.shutdown();
        clock.awaitTermination(30, TimeUnit.SECONDS);
        System.out.printf("%n  %d users: %.1f calls/s, %d errors, CPU busy %.0f %%, load %s%n", users,
                calls.get() / (double) MEASURE.toSeconds(), errors.get(), BenchmarkSupport.busyPercent(cpuBefore, cpuAfter),
                BenchmarkSupport.loadAverage());
        latencies.print("    ");
        return latencies.types().stream().mapToDouble(type -> latencies.percentileMillis(type, 95)).max().orElse(0);
    }

    private static long thinkMillis() {
        return ThreadLocalRandom.current().nextLong(2_000, 5_001);
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
