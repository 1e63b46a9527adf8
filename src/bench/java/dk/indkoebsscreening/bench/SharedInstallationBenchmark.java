package dk.indkoebsscreening.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Lifecycle;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A shared IT-service organisation's installation under the whole country's load (issue 32): the application in its own
 * JVM ({@link AppProcess}), PostgreSQL beside it, the load generator, a Kafka broker and an SMTP server in this JVM. 25 municipalities
 * with 100,000 historic requests between them (with the engine's history rows, {@link EngineHistoryCopies}) and 5,000
 * open processes (half in triage, half in screening), installation and support screened by the shared organisation;
 * then, while lifecycles keep flowing in the installation's municipality, 1,000 people (of every 20: 15 requesters,
 * 4 experts, 1 coordinator; think time 2-5 s) each logged in once and clicking through their pages. Per call
 * p50/p95/p99 and errors; CPU per call of the application's process, of PostgreSQL, of this JVM; the application's
 * resident memory and heap after a full collection; and before the load, the statements each page runs
 * (pg_stat_statements) and its CPU per view in the application and its PostgreSQL backends. Not a test; see BENCHMARKS.md.
 * {@code bench/run-benchmark.sh shared}
 */
class SharedInstallationBenchmark {

    static final int MUNICIPALITIES = Integer.getInteger("benchmark.shared.municipalities", 25);
    static final int HISTORIC = Integer.getInteger("benchmark.shared.historic", 100_000);
    static final int OPEN = Integer.getInteger("benchmark.shared.open", 5_000);
    static final int[] USERS = Arrays.stream(System.getProperty("benchmark.shared.users", "1000").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("benchmark.shared.seconds", 60));
    static final String APP_JVM_ARGS = System.getProperty("benchmark.app.jvmArgs", "");
    /**
     * Other builds beside this one in the same run (nodes b, c, … beside a), the people shared out among them by their
     * groups of 20, on the same database, at the same time, on the same cores: {@code benchmark.shared.compare} names,
     * comma-separated, each other build's {@code target/classes} (compiled against the same dependencies), or
     * {@code same} for this build again; {@code benchmark.shared.compare.jvmArgs} gives their JVM options (default this
     * build's), {@code benchmark.shared.compare.jvmArgs.<node>} one node's: a setting of the application the benchmark
     * does not set itself can be given so ({@code -Dspring.datasource.hikari.minimum-idle=5}). One run after another of
     * the same code differs by ±0.5 ms of CPU per call here (BENCHMARKS.md, fourth round of issue 32): more than most
     * single changes save, so a change is measured beside the code before it.
     */
    static final List<String> COMPARE = Arrays.stream(System.getProperty("benchmark.shared.compare", "").split(","))
            .map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    static final String COMPARE_JVM_ARGS = System.getProperty("benchmark.shared.compare.jvmArgs", APP_JVM_ARGS);
    /**
     * Views of each page in a row for its statements and CPU, after {@link #WARM_UP_VIEWS} of every page. 20 count the
     * statements exactly, but the CPU per view only to half a millisecond (the clock's 10 ms ticks); some hundreds
     * narrow that, though two runs still differ by up to twice for some pages ({@code -Dbenchmark.shared.views=500
     * -Dbenchmark.shared.warm-up=300}).
     */
    static final int QUERY_SAMPLES = Integer.getInteger("benchmark.shared.views", 20);
    static final int WARM_UP_VIEWS = Integer.getInteger("benchmark.shared.warm-up", 100);
    static final double GOAL_P95_MS = 100;
    static final double GOAL_CPU_MS = 4;
    /**
     * Between one flowing lifecycle and the next: a lifecycle every ten seconds or so is a hundred times the pace of 25
     * municipalities' purchases (a few an hour between them).
     */
    static final Duration LIFECYCLE_PAUSE = Duration.ofSeconds(Integer.getInteger("benchmark.shared.lifecycle-pause", 10));

    record Page(String name, String path, boolean api) {
    }

    /**
     * One application process and the clients that reach it. Its connections to PostgreSQL carry its name as their
     * {@code application_name}, so that PostgreSQL's CPU can be told apart per node.
     */
    record Node(String name, AppProcess app, ApiClient api, PageSessions sessions) {
    }

    /** The nodes started, in order, stopped together. */
    private static final class Nodes implements AutoCloseable {
        private final List<Node> started = new ArrayList<>();

        Node start(String name, Map<String, Object> settings, String jvmArgs, Path classes) throws Exception {
            AppProcess app = AppProcess.start(name.equals("a") ? "app" : "app-" + name, settings, jvmArgs, classes);
            Node node = new Node(name, app, new ApiClient(app.port()), new PageSessions(app.port()));
            started.add(node);
            return node;
        }

        List<Node> all() {
            return List.copyOf(started);
        }

        /** Stops every node, also when stopping one fails. */
        @Override
        public void close() throws Exception {
            Exception failed = null;
            for (Node node : started) {
                try {
                    node.app().close();
                } catch (Exception e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    /** One simulated person: their account, their pages in the order they click them. */
    record Person(String account, List<Page> pages) {
    }

    @Test
    void sharedInstallation() throws Exception {
        System.out.printf("%nShared installation: %d municipalities, %d historic requests, %d open, users %s, %d s each; "
                        + "load average at start %s%n", MUNICIPALITIES, HISTORIC, OPEN, Arrays.toString(USERS), MEASURE.toSeconds(),
                BenchmarkSupport.loadAverage());
        try (EmbeddedPostgres postgres = BenchmarkSupport.startPostgres();
             EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(0, 0, null);
             EmbeddedSmtpServer smtp = new EmbeddedSmtpServer(0)) {
            BenchmarkSupport.createDatabase(postgres, "shared");
            broker.start();
            smtp.start();
            long t0 = System.nanoTime();
            try (Nodes started = new Nodes();
                 Connection db = postgres.getDatabase("postgres", "shared").getConnection()) {
                AppProcess app = started.start("a", settings(postgres, broker, smtp, "a"), APP_JVM_ARGS, null).app();
                System.out.printf("  application started (pid %d) with its municipalities and people in %.1f s%n", app.pid(),
                        (System.nanoTime() - t0) / 1e9);
                for (int i = 0; i < COMPARE.size(); i++) {
                    String name = String.valueOf((char) ('b' + i));
                    String classes = COMPARE.get(i);
                    String jvmArgs = System.getProperty("benchmark.shared.compare.jvmArgs." + name, COMPARE_JVM_ARGS);
                    Node node = started.start(name, settings(postgres, broker, smtp, name), jvmArgs,
                            classes.equals("same") ? null : Path.of(classes));
                    System.out.printf("  beside it, node %s (pid %d): %s, JVM options \"%s\"; node a: this build, \"%s\"%n", name,
                            node.app().pid(), classes.equals("same") ? "this build again" : classes, jvmArgs, APP_JVM_ARGS);
                }
                List<Node> nodes = started.all();
                ApiClient api = nodes.get(0).api();
                Lifecycle lifecycle = new Lifecycle(api, checklists());
                Flow flow = new Flow(nodes.stream().map(Node::api).toList(), lifecycle,
                        () -> postgres.getDatabase("postgres", "shared").getConnection());
                List<String> municipalities = municipalities(db);
                String installation = BenchmarkSupport.queryString(db, "select tenant_id from purchase_request where requester = 'anna' limit 1");
                String template = lifecycle.runToApproval("anna", "Skabelon for historikken");
                String templateProcess = BenchmarkSupport.queryString(db, "select process_instance_id from purchase_request where id = '"
                        + template + "'");
                historic(db, municipalities, templateProcess);
                Map<String, String> ownRequest = open(nodes.stream().map(Node::api).toList(), municipalities);
                try (Statement s = db.createStatement()) {
                    // Tens of thousands of mails to the groups (about 15 a submission; fewer when several nodes' relays
                    // sent some meanwhile) that no installation has waiting at once: the relay would spend the measured
                    // minutes sending them.
                    int mails = s.executeUpdate("update mail_outbox set sent_at = now() where sent_at is null");
                    System.out.printf("  the set-up's %d mails marked sent without sending them%n", mails);
                    s.execute("vacuum analyze");
                }
                Map<String, JsonNode> firstTask = firstTasks(api, municipalities);
                List<Person> people = people(USERS[USERS.length - 1], municipalities, ownRequest, firstTask);
                for (Node node : nodes) {
                    queriesPerPage(node, db, people);
                }
                long postmaster = BenchmarkSupport.postmasterPid(db);
                Map<String, double[]> background = background(nodes, db, flow, postmaster);
                for (int users : USERS) {
                    run(nodes, db, flow, postmaster, people.subList(0, users), background);
                }
                System.out.println();
                for (Node node : nodes) {
                    System.out.printf("  %scommit-to-Kafka-ack over the whole run: %s%n", label(nodes, node), commitToAck(node.api()));
                    System.out.printf("  %sapplication: resident %.0f MiB, heap after a full collection %.0f MiB%n", label(nodes, node),
                            node.app().residentMiB(), node.app().heapAfterGcMiB());
                }
                System.out.printf("  installation municipality %s; database %.0f MB%n", installation,
                        BenchmarkSupport.queryLong(db, "select pg_database_size(current_database())") / 1e6);
            }
        }
    }

    /** The application's settings, its connections named after the node. */
    private static Map<String, Object> settings(EmbeddedPostgres postgres, EmbeddedKafkaBroker broker, EmbeddedSmtpServer smtp,
                                                String node) {
        Map<String, Object> settings = BenchmarkSupport.appProperties(postgres, "shared", LifecycleBenchmark.tuned());
        settings.put("spring.datasource.url", settings.get("spring.datasource.url") + "?ApplicationName=" + node);
        settings.put("indkoeb.embedded-kafka.enabled", "false");
        settings.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        // The mail server outside the application, as a municipality's relay is: inside (the tests' demo profile on the
        // class path) its receiving of every mail counted as the application's CPU (BENCHMARKS.md, sixth round).
        settings.put("indkoeb.embedded-smtp.enabled", "false");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", smtp.port());
        // Production's; the tests' configuration polls every 500 ms.
        settings.put("indkoeb.notifications.relay.poll-interval", "10s");
        settings.put("benchmark.shared.municipalities", MUNICIPALITIES);
        return settings;
    }

    /** "node a: " when more than one node runs, else nothing. */
    private static String label(List<Node> nodes, Node node) {
        return nodes.size() > 1 ? "node " + node.name() + ": " : "";
    }

    /** The CPU time in ms of each PostgreSQL backend serving the node, by its process id. */
    private static Map<Long, Long> backendsCpu(Connection db, Node node) throws Exception {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("select pid from pg_stat_activity where application_name = ?")) {
            query.setString(1, node.name());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long millis = BenchmarkSupport.processCpuMillis(rs.getLong(1));
                    if (millis >= 0) {
                        cpu.put(rs.getLong(1), millis);
                    }
                }
            }
        }
        return cpu;
    }

    /**
     * What the node's backends spent between two readings: a backend started in between counts whole; one that ended in
     * between (a parallel query's worker, a connection the pool retired) is not counted here but among PostgreSQL's others.
     */
    private static long backendsSpent(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream().mapToLong(backend -> backend.getValue() - before.getOrDefault(backend.getKey(), 0L)).sum();
    }

    private static ChecklistProperties checklists() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("checklists", new ClassPathResource("checklists.yml"));
        return new Binder(ConfigurationPropertySources.from(yaml)).bind("indkoeb", ChecklistProperties.class).get();
    }

    private static List<String> municipalities(Connection db) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select id from municipality order by id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        if (ids.size() != MUNICIPALITIES) {
            throw new IllegalStateException("Expected " + MUNICIPALITIES + " municipalities, found " + ids);
        }
        return ids;
    }

    private static List<String> requesters(String municipality) {
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= SharedInstallationPeople.REQUESTERS; i++) {
            accounts.add(SharedInstallationPeople.requester(municipality, i));
        }
        return accounts;
    }

    /** The historic requests, each municipality an equal share, with the engine's history of each. */
    private static void historic(Connection db, List<String> municipalities, String templateProcess) throws Exception {
        long t0 = System.nanoTime();
        int each = HISTORIC / municipalities.size();
        long engineRows = 0;
        for (int i = 0; i < municipalities.size(); i++) {
            String municipality = municipalities.get(i);
            BenchmarkSupport.actFor(db, municipality);
            GrowthBenchmark.insertHistoric(db, i * each + 1, (i + 1) * each, requesters(municipality));
            engineRows += EngineHistoryCopies.copy(db, templateProcess, i * each + 1, (i + 1) * each, municipality);
        }
        System.out.printf("  %d historic requests and %d engine history rows written in %.1f s%n", each * municipalities.size(),
                engineRows, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The open processes, through the API as people make them: each municipality's requesters submit an equal share,
     * its coordinator accepts half into screening; with several nodes, each municipality's through a node in turn, so that
     * every node has served the same calls before it is measured. Returns a request of each requester's own.
     */
    private static Map<String, String> open(List<ApiClient> apis, List<String> municipalities) throws Exception {
        long t0 = System.nanoTime();
        int each = OPEN / municipalities.size();
        Map<String, String> ownRequest = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int m = 0; m < municipalities.size(); m++) {
            String municipality = municipalities.get(m);
            ApiClient api = apis.get(m % apis.size());
            done.add(workers.submit(() -> {
                List<String> accounts = requesters(municipality);
                for (int i = 0; i < each; i++) {
                    String requester = accounts.get(i % accounts.size());
                    String id = api.submit(requester, "Åben anmodning " + municipality + " " + i).get("id").asText();
                    ownRequest.putIfAbsent(requester, id);
                }
                String coordinator = SharedInstallationPeople.coordinator(municipality);
                List<JsonNode> triage = api.tasks(coordinator).stream().filter(task -> task.get("type").asText().equals("TRIAGE")).toList();
                for (JsonNode task : triage.subList(0, triage.size() / 2)) {
                    api.completeOk(coordinator, task.get("id").asText(), Map.of("outcome", "ACCEPT"));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        workers.shutdown();
        System.out.printf("  %d open requests submitted, half accepted into screening, in %.1f s%n", each * municipalities.size(),
                (System.nanoTime() - t0) / 1e9);
        return ownRequest;
    }

    /** The first task in each expert's and coordinator's inbox: the one their task page shows. */
    private static Map<String, JsonNode> firstTasks(ApiClient api, List<String> municipalities) {
        List<String> accounts = new ArrayList<>();
        for (String municipality : municipalities) {
            accounts.add(SharedInstallationPeople.coordinator(municipality));
            SharedInstallationPeople.OWN_AREAS.forEach(area -> accounts.add(SharedInstallationPeople.expert(municipality, area)));
        }
        for (Area area : SharedInstallationPeople.SHARED_AREAS) {
            for (int i = 1; i <= SharedInstallationPeople.SHARED_EXPERTS; i++) {
                accounts.add(SharedInstallationPeople.sharedExpert(area, i));
            }
        }
        Map<String, JsonNode> first = new LinkedHashMap<>();
        for (String account : accounts) {
            String type = account.endsWith("-koordinator") ? "TRIAGE" : "SCREENING";
            api.tasks(account).stream().filter(task -> task.get("type").asText().equals(type)).findFirst()
                    .ifPresent(task -> first.put(account, task));
        }
        return first;
    }

    /**
     * The people, in order: of every 20, 15 requesters, 4 experts (three of the municipality's own areas, one of the
     * shared organisation's) and 1 coordinator, each group of 20 of the next municipality.
     */
    private static List<Person> people(int count, List<String> municipalities, Map<String, String> ownRequest,
                                       Map<String, JsonNode> firstTask) {
        List<Person> people = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int group = n / 20;
            int slot = n % 20;
            String municipality = municipalities.get(group % municipalities.size());
            int round = group / municipalities.size();
            String account;
            List<Page> pages;
            if (slot < 15) {
                account = SharedInstallationPeople.requester(municipality, 1 + (round * 15 + slot) % SharedInstallationPeople.REQUESTERS);
                String request = ownRequest.get(account);
                pages = List.of(new Page("my requests /anmodninger", "/anmodninger", false),
                        new Page("request page /anmodninger/{id}", "/anmodninger/" + request, false),
                        new Page("request form /anmodninger/ny", "/anmodninger/ny", false),
                        new Page("systems /systemer", "/systemer", false),
                        new Page("duplicate check /anmodninger/lignende",
                                "/anmodninger/lignende?systemName=System+42&vendor=Leverand%C3%B8r", false),
                        new Page("API status GET /api/requests/{id}", "/api/requests/" + request, true));
            } else if (slot < 18) {
                account = SharedInstallationPeople.expert(municipality, SharedInstallationPeople.OWN_AREAS.get((slot - 15 + round) % 4));
                JsonNode task = firstTask.get(account);
                pages = List.of(new Page("inbox /opgaver", "/opgaver", false),
                        new Page("task page /opgaver/{id}", "/opgaver/" + task.get("id").asText(), false),
                        new Page("request page /anmodninger/{id}", "/anmodninger/" + task.get("requestId").asText(), false),
                        new Page("search /anmodninger/alle?q=", "/anmodninger/alle?q=historisk+anmodning+4711", false));
            } else if (slot == 18) {
                Area area = group % 2 == 0 ? Area.INSTALLATION : Area.SUPPORT;
                account = SharedInstallationPeople.sharedExpert(area, 1 + (group / 2) % SharedInstallationPeople.SHARED_EXPERTS);
                JsonNode task = firstTask.get(account);
                pages = List.of(new Page("shared expert's inbox /opgaver", "/opgaver", false),
                        new Page("shared expert's task page /opgaver/{id}", "/opgaver/" + task.get("id").asText(), false),
                        new Page("shared expert's request page /anmodninger/{id}", "/anmodninger/" + task.get("requestId").asText(), false),
                        new Page("settings /indstillinger", "/indstillinger", false));
            } else {
                account = SharedInstallationPeople.coordinator(municipality);
                pages = List.of(new Page("inbox /opgaver", "/opgaver", false),
                        new Page("triage page /opgaver/{id}", "/opgaver/" + firstTask.get(account).get("id").asText(), false),
                        new Page("dashboard /overblik", "/overblik", false),
                        new Page("search /anmodninger/alle?q=", "/anmodninger/alle?q=leverand%C3%B8r+17&status=REJECTED", false),
                        new Page("API inbox GET /api/tasks", "/api/tasks", true));
            }
            people.add(new Person(account, pages));
        }
        return people;
    }

    /** One call as the person's browser (a page, with the session) or their integration (the API, HTTP Basic) makes it. */
    private static int call(ApiClient api, PageSessions sessions, PageSessions.Session session, Page page) throws Exception {
        return page.api() ? api.raw(session.user(), "GET", page.path(), null, null).status() : sessions.get(session, page.path());
    }

    /**
     * The statements each page runs and its CPU per view: every page warmed up first, then for one person of each kind
     * each page {@code benchmark.shared.views} times in a row, pg_stat_statements reset before and read after, the
     * application's process and its PostgreSQL backends read before and after, less what the background ran in a quiet
     * spell as long.
     */
    private static void queriesPerPage(Node node, Connection db, List<Person> people) throws Exception {
        AppProcess app = node.app();
        ApiClient api = node.api();
        PageSessions sessions = node.sessions();
        System.out.printf("%n  %sStatements and CPU per page view (pg_stat_statements, the application's process and its PostgreSQL"
                + " backends; %d views each in a row after %d more, one person, background subtracted):%n",
                node.name().equals("a") ? "" : "Node " + node.name() + ": ", QUERY_SAMPLES, WARM_UP_VIEWS);
        StringBuilder every = new StringBuilder();
        Map<String, Person> ofEachKind = new LinkedHashMap<>();
        for (Person person : people) {
            for (Page page : person.pages()) {
                ofEachKind.putIfAbsent(page.name(), person);
            }
        }
        Map<String, PageSessions.Session> sessionOf = new LinkedHashMap<>();
        // Every page before any is measured, until the code they share is compiled: the set-up before served the API only,
        // and a page warmed alone leaves the next one's own code to compile while it is measured.
        for (Map.Entry<String, Person> kind : ofEachKind.entrySet()) {
            if (!sessionOf.containsKey(kind.getValue().account())) {
                sessionOf.put(kind.getValue().account(), sessions.login(kind.getValue().account()));
            }
            PageSessions.Session session = sessionOf.get(kind.getValue().account());
            Page page = pageOf(kind);
            for (int i = 0; i < WARM_UP_VIEWS; i++) {
                call(api, sessions, session, page);
            }
        }
        for (Map.Entry<String, Person> kind : ofEachKind.entrySet()) {
            Page page = pageOf(kind);
            PageSessions.Session session = sessionOf.get(kind.getValue().account());
            resetStatements(db);
            long t0 = System.nanoTime();
            long cpu0 = app.cpuMillis();
            Map<Long, Long> backends0 = backendsCpu(db, node);
            for (int i = 0; i < QUERY_SAMPLES; i++) {
                call(api, sessions, session, page);
            }
            long spent = System.nanoTime() - t0;
            long cpuDuring = app.cpuMillis() - cpu0;
            long backendsDuring = backendsSpent(backends0, backendsCpu(db, node));
            Map<String, double[]> during = statements(db);
            resetStatements(db);
            long cpu1 = app.cpuMillis();
            Map<Long, Long> backends1 = backendsCpu(db, node);
            Thread.sleep(spent / 1_000_000);
            long cpuQuiet = app.cpuMillis() - cpu1;
            long backendsQuiet = backendsSpent(backends1, backendsCpu(db, node));
            Map<String, double[]> quiet = statements(db);
            double calls = 0;
            double millis = 0;
            List<Map.Entry<String, double[]>> top = new ArrayList<>();
            for (Map.Entry<String, double[]> statement : during.entrySet()) {
                double[] background = quiet.getOrDefault(statement.getKey(), new double[2]);
                double[] own = {(statement.getValue()[0] - background[0]) / QUERY_SAMPLES,
                        (statement.getValue()[1] - background[1]) / QUERY_SAMPLES};
                if (own[0] >= 0.5) {
                    calls += own[0];
                    millis += own[1];
                    top.add(Map.entry(statement.getKey(), own));
                }
            }
            // The costliest three, then the most frequent two of the rest.
            top.sort((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]));
            every.append(String.format("%n%s: %.1f statements, %.2f ms per view%n", kind.getKey(), calls, millis));
            top.stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).forEach(statement -> every.append(
                    String.format("  %5.1f× %7.2f ms  %s%n", statement.getValue()[0], statement.getValue()[1],
                            statement.getKey().replaceAll("\\s+", " "))));
            List<Map.Entry<String, double[]>> shown = new ArrayList<>(top.subList(0, Math.min(3, top.size())));
            top.stream().skip(3).sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(2).forEach(shown::add);
            System.out.printf("    %-48s %5.1f statements, %6.2f ms in PostgreSQL, CPU per view: application %5.2f ms, its backends %5.2f ms%n",
                    kind.getKey(), calls, millis, (cpuDuring - cpuQuiet) / (double) QUERY_SAMPLES,
                    (backendsDuring - backendsQuiet) / (double) QUERY_SAMPLES);
            for (Map.Entry<String, double[]> statement : shown) {
                System.out.printf("      %4.1f× %6.2f ms  %s%n", statement.getValue()[0], statement.getValue()[1],
                        statement.getKey().replaceAll("\\s+", " ").substring(0, Math.min(150, statement.getKey().replaceAll("\\s+", " ").length())));
            }
        }
        Path file = Path.of("target", node.name().equals("a") ? "benchmark-statements.txt" : "benchmark-statements-" + node.name() + ".txt");
        Files.writeString(file, every);
        System.out.println("    every page's statements: " + file.toAbsolutePath());
    }

    private static Page pageOf(Map.Entry<String, Person> kind) {
        return kind.getValue().pages().stream().filter(p -> p.name().equals(kind.getKey())).findFirst().orElseThrow();
    }

    private static void resetStatements(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** Calls and total execution time in ms per statement of the benchmark's database since the last reset. */
    private static Map<String, double[]> statements(Connection db) throws Exception {
        Map<String, double[]> statements = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select query, calls, total_exec_time from pg_stat_statements
                 where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_statements%'""");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                statements.merge(rs.getString(1), new double[] {rs.getLong(2), rs.getDouble(3)},
                        (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return statements;
    }

    /**
     * The node of the n-th person: by two groups of 20, so that each node serves the same mix of people (of every 20, 15
     * requesters, 3 experts, a shared expert and a coordinator; of every two groups, a shared expert of installation and
     * one of support), of each municipality in turn. Below 40 people per node the mixes differ.
     */
    private static Node nodeOf(List<Node> nodes, int person) {
        return nodes.get(person / 40 % nodes.size());
    }

    /**
     * The people log in (not measured), click for a ramp-up of one think time and then for the measured time. With
     * several nodes, each node's calls, latencies and CPU (its process and its PostgreSQL backends) are counted apart.
     */
    private static void run(List<Node> nodes, Connection db, Flow flow, long postmaster, List<Person> people,
                            Map<String, double[]> background) throws Exception {
        long t0 = System.nanoTime();
        List<PageSessions.Session> loggedIn = new ArrayList<>();
        for (int n = 0; n < people.size(); n++) {
            loggedIn.add(nodeOf(nodes, n).sessions().login(people.get(n).account()));
        }
        System.out.printf("%n  %d people logged in in %.1f s%n", people.size(), (System.nanoTime() - t0) / 1e9);
        Map<String, BenchmarkSupport.Latencies> latencies = new LinkedHashMap<>();
        Map<String, AtomicLong> calls = new LinkedHashMap<>();
        nodes.forEach(node -> {
            latencies.put(node.name(), new BenchmarkSupport.Latencies());
            calls.put(node.name(), new AtomicLong());
        });
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> errorsByPage = new ConcurrentHashMap<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(Math.min(64, Math.max(8, people.size() / 6)));
        for (int n = 0; n < people.size(); n++) {
            Person person = people.get(n);
            Node node = nodeOf(nodes, n);
            PageSessions.Session session = loggedIn.get(n);
            clock.schedule(new Runnable() {
                private int click = ThreadLocalRandom.current().nextInt(person.pages().size());

                @Override
                public void run() {
                    if (!running.get()) {
                        return;
                    }
                    Page page = person.pages().get(click++ % person.pages().size());
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = call(node.api(), node.sessions(), session, page);
                    } catch (Exception e) {
                        status = 599;
                    }
                    if (measuring.get()) {
                        latencies.get(node.name()).record(page.name(), System.nanoTime() - start);
                        calls.get(node.name()).incrementAndGet();
                        if (status != 200) {
                            errors.incrementAndGet();
                            errorsByPage.computeIfAbsent(label(nodes, node) + page.name() + " " + status, k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                    clock.schedule(this, thinkMillis(), TimeUnit.MILLISECONDS);
                }
            }, thinkMillis(), TimeUnit.MILLISECONDS);
        }
        AtomicLong lifecycles = new AtomicLong();
        Thread flowing = flowing(flow, running, measuring, lifecycles);
        Thread.sleep(5_000);
        long mailsWaiting = unsentMails(db);
        Spent spent = Spent.measure(nodes, db, postmaster, MEASURE, measuring);
        System.out.printf("  mails not yet sent: %d when the measured time began, %d when it ended%n", mailsWaiting, unsentMails(db));
        running.set(false);
        clock.shutdown();
        clock.awaitTermination(30, TimeUnit.SECONDS);
        flowing.join(120_000);
        long all = Math.max(1, calls.values().stream().mapToLong(AtomicLong::get).sum());
        System.out.printf("  %d people: %.1f calls/s, %d errors %s, %d lifecycles completed beside them, CPU busy %.0f %% of 2 cores, load %s%n",
                people.size(), all / (double) MEASURE.toSeconds(), errors.get(), errorsByPage, lifecycles.get(), spent.busyPercent(),
                BenchmarkSupport.loadAverage());
        System.out.printf("  CPU per call: application %.2f ms, with PostgreSQL %.2f ms (goal <= %.0f); load generator, Kafka broker and SMTP server %.2f ms%n",
                spent.appMillis() / (double) all, (spent.appMillis() + spent.postgresMillis()) / (double) all, GOAL_CPU_MS,
                spent.generatorMillis() / all);
        double seconds = MEASURE.toSeconds();
        double pagesApp = spent.appMillis() - seconds * nodes.stream().mapToDouble(node -> background.get(node.name())[0]).sum();
        double pagesPostgres = spent.postgresMillis() - seconds * background.get(POSTGRES)[1];
        System.out.printf("  CPU per call less the background (at its rate alone): application %.2f ms, with PostgreSQL %.2f ms%n",
                pagesApp / all, (pagesApp + pagesPostgres) / all);
        if (nodes.size() > 1) {
            sideBySide(nodes, calls, spent, background, latencies);
        } else {
            latencies.get(nodes.get(0).name()).print("    ");
        }
        double worst = latencies.values().stream().flatMap(l -> l.types().stream().map(type -> l.percentileMillis(type, 95)))
                .mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf("  => worst p95 %.1f ms (goal < %.0f ms)%n", worst, GOAL_P95_MS);
    }

    /** The relay's backlog: sending it is the application's work, receiving it the SMTP server's. */
    private static long unsentMails(Connection db) throws Exception {
        return BenchmarkSupport.queryLong(db, "select count(*) from mail_outbox where sent_at is null");
    }

    /** The key of PostgreSQL as a whole among the nodes' background figures. */
    private static final String POSTGRES = "postgres";

    /**
     * CPU in ms spent in a measured spell: each node's process and its PostgreSQL backends (by node name), PostgreSQL
     * as a whole, this JVM (the load generator, the Kafka broker and the SMTP server) and the machine's share busy.
     */
    record Spent(Map<String, Long> app, Map<String, Long> backends, long postgresMillis, double generatorMillis, double busyPercent) {

        static Spent measure(List<Node> nodes, Connection db, long postmaster, Duration spell, AtomicBoolean measuring)
                throws Exception {
            Map<String, Long> appBefore = new LinkedHashMap<>();
            Map<String, Map<Long, Long>> backendsBefore = new LinkedHashMap<>();
            for (Node node : nodes) {
                appBefore.put(node.name(), node.app().cpuMillis());
                backendsBefore.put(node.name(), backendsCpu(db, node));
            }
            long postgresBefore = BenchmarkSupport.postgresCpuMillis(postmaster);
            long generatorBefore = BenchmarkSupport.jvmCpuNanos();
            long[] machineBefore = BenchmarkSupport.cpuTicks();
            measuring.set(true);
            Thread.sleep(spell.toMillis());
            measuring.set(false);
            Map<String, Long> app = new LinkedHashMap<>();
            Map<String, Long> backends = new LinkedHashMap<>();
            for (Node node : nodes) {
                app.put(node.name(), node.app().cpuMillis() - appBefore.get(node.name()));
                backends.put(node.name(), backendsSpent(backendsBefore.get(node.name()), backendsCpu(db, node)));
            }
            return new Spent(app, backends, BenchmarkSupport.postgresCpuMillis(postmaster) - postgresBefore,
                    (BenchmarkSupport.jvmCpuNanos() - generatorBefore) / 1e6,
                    BenchmarkSupport.busyPercent(machineBefore, BenchmarkSupport.cpuTicks()));
        }

        long appMillis() {
            return app.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Node by node: calls, CPU per call of its process and of its PostgreSQL backends (with and without its own
     * background), each call's latencies; and each other node ÷ node a.
     */
    private static void sideBySide(List<Node> nodes, Map<String, AtomicLong> calls, Spent spent, Map<String, double[]> background,
                                   Map<String, BenchmarkSupport.Latencies> latencies) {
        double seconds = MEASURE.toSeconds();
        Map<String, double[]> perCall = new LinkedHashMap<>();
        for (Node node : nodes) {
            double n = Math.max(1, calls.get(node.name()).get());
            double app = spent.app().get(node.name());
            double backends = spent.backends().get(node.name());
            double[] quiet = background.get(node.name());
            perCall.put(node.name(), new double[] {n / seconds, app / n, backends / n, (app + backends) / n,
                    (app - seconds * quiet[0]) / n, (app + backends - seconds * (quiet[0] + quiet[1])) / n});
        }
        double others = spent.postgresMillis() - spent.backends().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("  node by node (PostgreSQL's other processes, the benchmark's own connections and backends that ended,"
                + " not shared out: %.2f ms per call):%n",
                others / Math.max(1, calls.values().stream().mapToLong(AtomicLong::get).sum()));
        StringBuilder header = new StringBuilder(String.format("    %-40s", ""));
        nodes.forEach(node -> header.append(String.format(" %8s", "node " + node.name())));
        nodes.stream().skip(1).forEach(node -> header.append(String.format(" %8s", node.name() + " ÷ a")));
        System.out.println(header);
        String[] rows = {"calls/s", "CPU per call: its process, ms", "its PostgreSQL backends, ms", "both, ms",
                "its process less its background, ms", "both less their background, ms"};
        for (int i = 0; i < rows.length; i++) {
            StringBuilder row = new StringBuilder(String.format("    %-40s", rows[i]));
            for (Node node : nodes) {
                row.append(String.format(" %8.2f", perCall.get(node.name())[i]));
            }
            for (Node node : nodes.subList(1, nodes.size())) {
                row.append(String.format(" %8.3f", perCall.get(node.name())[i] / perCall.get("a")[i]));
            }
            System.out.println(row);
        }
        System.out.printf("    %-42s %s%n", "call, per node in turn", "n | p50 ms | p95 ms | p99 ms");
        for (String type : latencies.get("a").types()) {
            StringBuilder row = new StringBuilder(String.format("    %-42s", type));
            for (int column = 0; column < 4; column++) {
                row.append(column == 0 ? " " : " | ");
                for (Node node : nodes) {
                    BenchmarkSupport.Latencies of = latencies.get(node.name());
                    boolean has = of.types().contains(type);
                    row.append(node == nodes.get(0) ? "" : "/").append(!has ? "-" : column == 0 ? String.valueOf(of.count(type))
                            : String.format("%.0f", of.percentileMillis(type, column == 1 ? 50 : column == 2 ? 95 : 99)));
                }
            }
            System.out.println(row);
        }
    }

    /**
     * What each node and PostgreSQL spend without the people, for the same time, in ms of CPU per second: the lifecycles
     * flowing beside them, the dashboards' refresh, the relays and the engine's jobs; so that the people's share of the
     * CPU can be told apart. By node name: {its process, its PostgreSQL backends}; under {@link #POSTGRES}, {0, PostgreSQL
     * whole}.
     */
    private static Map<String, double[]> background(List<Node> nodes, Connection db, Flow flow, long postmaster) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicLong lifecycles = new AtomicLong();
        Thread flowing = flowing(flow, running, measuring, lifecycles);
        Thread.sleep(5_000);
        long mailsWaiting = unsentMails(db);
        Spent spent = Spent.measure(nodes, db, postmaster, MEASURE, measuring);
        long mailsLeft = unsentMails(db);
        running.set(false);
        flowing.join(120_000);
        double seconds = MEASURE.toSeconds();
        Map<String, double[]> perSecond = new LinkedHashMap<>();
        for (Node node : nodes) {
            perSecond.put(node.name(), new double[] {spent.app().get(node.name()) / seconds, spent.backends().get(node.name()) / seconds});
        }
        perSecond.put(POSTGRES, new double[] {0, spent.postgresMillis() / seconds});
        System.out.printf("%n  background without people (%d lifecycles flowing in %d s, dashboards' refresh, relays, jobs): "
                + "application %.0f ms of CPU per second, PostgreSQL %.0f ms%n", lifecycles.get(), MEASURE.toSeconds(),
                spent.appMillis() / seconds, spent.postgresMillis() / seconds);
        System.out.printf("    mails not yet sent: %d when it began, %d when it ended%n", mailsWaiting, mailsLeft);
        if (nodes.size() > 1) {
            for (Node node : nodes) {
                System.out.printf("    node %s: its process %.0f ms per second, its PostgreSQL backends %.0f ms%n", node.name(),
                        perSecond.get(node.name())[0], perSecond.get(node.name())[1]);
            }
        }
        return perSecond;
    }

    /**
     * Lifecycles of the installation's municipality, one after the other with a pause between, while running: submitted,
     * accepted, screened in all six areas and approved through the API by the people whose tasks they are. Each task is
     * found in the engine's table by the benchmark's own connection, as a person follows the link in a mail: looking
     * for it through an inbox would list a shared expert's thousands of tasks again and again, which nobody does.
     */
    private static Thread flowing(Flow flow, AtomicBoolean running, AtomicBoolean measuring, AtomicLong lifecycles) {
        Thread flowing = new Thread(() -> {
            try (Connection db = flow.database().call()) {
                for (int started = 0; running.get(); started++) {
                    try {
                        // With several nodes, each runs a lifecycle in turn.
                        runToApproval(flow.apis().get(started % flow.apis().size()), flow.lifecycle(), db,
                                "Løbende anmodning " + lifecycles.get());
                        if (measuring.get()) {
                            lifecycles.incrementAndGet();
                        }
                        Thread.sleep(LIFECYCLE_PAUSE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        System.out.println("    a flowing lifecycle failed: " + e.getMessage());
                    }
                }
            } catch (Exception e) {
                System.out.println("    the flowing lifecycles stopped: " + e.getMessage());
            }
        }, "benchmark-lifecycles");
        flowing.start();
        return flowing;
    }

    /** What the flowing lifecycles need: each node's API, the checklists' answers and a connection of their own. */
    record Flow(List<ApiClient> apis, Lifecycle lifecycle, Callable<Connection> database) {
    }

    private static void runToApproval(ApiClient api, Lifecycle lifecycle, Connection db, String title) throws Exception {
        String request = api.submit("anna", title).get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, taskOf(db, request, TaskType.TRIAGE.taskDefinitionKey()), Map.of("outcome", "ACCEPT"));
        for (Area area : Area.values()) {
            api.completeOk(Lifecycle.expertFor(area), taskOf(db, request, area.taskDefinitionKey()), lifecycle.approval(area));
        }
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("reason", null);
        api.completeOk(Lifecycle.COORDINATOR, taskOf(db, request, TaskType.DECISION.taskDefinitionKey()), decision);
    }

    /** The open task of this kind on the request's process, once the engine has made it. */
    private static String taskOf(Connection db, String request, String taskDefinitionKey) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                select t.id_ from act_ru_task t join purchase_request r on r.process_instance_id = t.proc_inst_id_
                 where r.id = ?::uuid and t.task_def_key_ = ?""")) {
            query.setString(1, request);
            query.setString(2, taskDefinitionKey);
            for (int tries = 0; tries < 600; tries++) {
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("No " + taskDefinitionKey + " task on " + request);
    }

    /** The relay's commit-to-acknowledgement percentiles over the whole run, from the application's metrics. */
    private static String commitToAck(ApiClient api) throws Exception {
        StringBuilder found = new StringBuilder();
        for (String phi : List.of("0.5", "0.95", "0.99")) {
            var answer = api.raw("admin", "GET", "/actuator/metrics/indkoeb.outbox.commit-to-ack.percentile?tag=phi:" + phi, null, null);
            double seconds = answer.status() == 200
                    ? new ObjectMapper().readTree(answer.body()).get("measurements").get(0).get("value").asDouble() : Double.NaN;
            found.append(String.format("p%.0f %.0f ms  ", Double.parseDouble(phi) * 100, seconds * 1000));
        }
        return found.toString();
    }

    private static long thinkMillis() {
        return ThreadLocalRandom.current().nextLong(2_000, 5_001);
    }
}
