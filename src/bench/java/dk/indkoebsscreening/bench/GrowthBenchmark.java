package dk.indkoebsscreening.bench;

import dk.indkoebsscreening.overview.OverviewService;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.steering.ReportPeriod;
import dk.indkoebsscreening.steering.SteeringReports;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Lifecycle;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the read paths behave as history grows: 1k, 10k and 100k decided requests (generated with SQL
 * in our own tables: request, six completed areas, decision, 20 case history entries, nine published outbox events
 * each; no Camunda history rows, since none of the measured queries reads Camunda's history tables) plus open
 * requests created through the API, so the inboxes are not empty. Prints p50/p95 per call and the
 * database size per request, and the search. {@code ./mvnw -Pbenchmark test -Dtest=GrowthBenchmark} (see BENCHMARKS.md).
 */
class GrowthBenchmark {

    static final int[] LEVELS = java.util.Arrays.stream(System.getProperty("benchmark.growth.levels", "1000,10000,100000")
            .split(",")).mapToInt(Integer::parseInt).toArray();
    static final int CALLS = Integer.getInteger("benchmark.growth.calls", 60);
    static final int OPEN_IN_TRIAGE = 10;
    static final int OPEN_IN_SCREENING = 10;

    @Test
    void growth() throws Exception {
        System.out.printf("%nGrowth benchmark: levels %s, %d calls per measurement; load average at start %s%n",
                java.util.Arrays.toString(LEVELS), CALLS, BenchmarkSupport.loadAverage());
        try (EmbeddedPostgres postgres = BenchmarkSupport.startPostgres()) {
            BenchmarkSupport.createDatabase(postgres, "growth");
            ConfigurableApplicationContext context = BenchmarkSupport.startApp(postgres, "growth", LifecycleBenchmark.tuned());
            try (Connection db = postgres.getDatabase("postgres", "growth").getConnection()) {
                BenchmarkSupport.actFor(db, context.getBean(InstallationProperties.class).municipalityId());
                int port = BenchmarkSupport.port(context);
                ApiClient api = new ApiClient(port);
                Lifecycle lifecycle = new Lifecycle(api, context.getBean(ChecklistProperties.class));
                for (int i = 0; i < OPEN_IN_TRIAGE; i++) {
                    api.submit(i % 2 == 0 ? "anna" : "bent", "Åben i triage " + i);
                }
                for (int i = 0; i < OPEN_IN_SCREENING; i++) {
                    lifecycle.submitAndAccept(i % 2 == 0 ? "anna" : "bent", "Åben i screening " + i);
                }
                OverviewService overview = context.getBean(OverviewService.class);
                String municipality = context.getBean(InstallationProperties.class).municipalityId();
                int have = 0;
                for (int level : LEVELS) {
                    long t0 = System.nanoTime();
                    insertHistoric(db, have + 1, level);
                    have = level;
                    try (Statement s = db.createStatement()) {
                        s.execute("vacuum analyze");
                    }
                    System.out.printf("%n[%d historic requests] generated in %.1f s; load %s%n", level,
                            (System.nanoTime() - t0) / 1e9, BenchmarkSupport.loadAverage());
                    measure(api, overview, context.getBean(SteeringReports.class), municipality, db);
                }
            } finally {
                context.close();
            }
        }
    }

    private static void measure(ApiClient api, OverviewService overview, SteeringReports steering, String municipality,
                                Connection db) throws Exception {
        String historicId;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select id from purchase_request where requester = 'anna' and reference like 'HIS-%' order by submitted_at desc offset 37 limit 1")) {
            rs.next();
            historicId = rs.getString(1);
        }
        long mineCount = BenchmarkSupport.queryLong(db, "select count(*) from purchase_request where requester = 'anna'");
        BenchmarkSupport.Latencies l = new BenchmarkSupport.Latencies();
        Map<String, Supplier<Object>> calls = new java.util.LinkedHashMap<>();
        calls.put("inbox expert (GET /api/tasks)", () -> api.get("sikkerhed", "/api/tasks"));
        calls.put("inbox coordinator (GET /api/tasks)", () -> api.get("koordinator", "/api/tasks"));
        calls.put("my requests (anna, " + mineCount + ")", () -> api.get("anna", "/api/requests?mine=true"));
        calls.put("request status (GET /api/requests/{id})", () -> api.get("anna", "/api/requests/" + historicId));
        calls.put("dashboard page (GET /overblik)", () -> api.get("koordinator", "/overblik"));
        // The coordinator looking for one old case: words of its title, of its vendor, and a misspelt part of a word.
        calls.put("search title words (GET /api/requests/search)", () -> api.get("koordinator",
                "/api/requests/search?q=historisk+anmodning+4711"));
        calls.put("search vendor and status", () -> api.get("koordinator", "/api/requests/search?q=leverand%C3%B8r+17&status=REJECTED"));
        calls.put("search part of a word, every match counted", () -> api.get("koordinator", "/api/requests/search?q=storisk+anmod"));
        calls.put("search page (GET /anmodninger/alle)", () -> api.raw("koordinator", "GET", "/anmodninger/alle?q=historisk+anmodning+4711", null, null));
        // 500 system names over the history ("System 0" … "System 499"): the duplicate check finds many alike.
        calls.put("duplicate check while typing (GET /anmodninger/lignende)", () -> api.raw("anna", "GET",
                "/anmodninger/lignende?systemName=System+421&vendor=Leverand%C3%B8r+17", null, null));
        // The steering group's report for the last whole year (the history spreads over five), as the page and as the PDF.
        String lastYear = Integer.toString(java.time.Year.now().getValue() - 1);
        calls.put("steering report, a year (GET /styring?periode=" + lastYear + ")", () -> api.raw("koordinator", "GET",
                "/styring?periode=" + lastYear, null, null));
        calls.put("steering report PDF, a year (GET /styring.pdf)", () -> api.download("koordinator", "/styring.pdf?periode=" + lastYear));
        // What the background refresh costs (the page shows its latest result).
        calls.put("dashboard counting (OverviewService.count)", () -> overview.count(municipality));
        // What counting the year's report costs: the first view of a period, the PDF after a change, the background's work.
        ReportPeriod year = new ReportPeriod(LocalDate.of(Integer.parseInt(lastYear), 1, 1),
                LocalDate.of(Integer.parseInt(lastYear), 12, 31), lastYear);
        calls.put("steering report counting, a year (SteeringReports.count)", () -> steering.count(year, Optional.of(municipality)));
        for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
            for (int i = 0; i < 5; i++) {
                call.getValue().get();
            }
            for (int i = 0; i < CALLS; i++) {
                l.time(call.getKey(), call.getValue());
            }
        }
        // The page right after a change: it shows the figures it has and counts the new ones in the background; each
        // time one request is submitted (not timed) and the count the view started is awaited (not timed) before the next.
        String afterChange = "steering report page right after a submission";
        for (int i = 0; i < CALLS; i++) {
            api.submit("anna", "Ny efter styringsrapport " + i);
            l.time(afterChange, () -> api.raw("koordinator", "GET", "/styring?periode=" + lastYear, null, null));
            steering.newestReport(year, Optional.of(municipality));
        }
        l.print("    ");
        long requests = BenchmarkSupport.queryLong(db, "select count(*) from purchase_request");
        long bytes = BenchmarkSupport.queryLong(db, "select sum(pg_total_relation_size(c)) from unnest(array['purchase_request',"
                + "'area_screening','decision','outbox_event','clarification','escalation']::regclass[]) c");
        System.out.printf("    database: %d requests, our tables %.1f MB = %.1f kB per request (whole database %.1f MB); load %s%n",
                requests, bytes / 1e6, bytes / 1e3 / requests,
                BenchmarkSupport.queryLong(db, "select pg_database_size(current_database())") / 1e6, BenchmarkSupport.loadAverage());
    }

    /** Decided requests from..to, spread over the last five years, as the application would have written them. */
    static void insertHistoric(Connection db, int from, int to) throws Exception {
        insertHistoric(db, from, to, List.of("anna"));
    }

    /**
     * Decided requests from..to of the municipality the connection acts for; every tenth is one of these requesters'
     * (in turn), the others are former staff's.
     */
    static void insertHistoric(Connection db, int from, int to, List<String> requesters) throws Exception {
        List<String> sql = new ArrayList<>();
        sql.add("""
                insert into purchase_request (id, reference, title, system_name, vendor, need, department, requester,
                    one_off_cost_dkk, annual_cost_dkk, contract_years, expected_users, personal_data_categories, hosting, integrations,
                    desired_start_date, status, submitted_at, deadline, recommendation, process_instance_id)
                select md5('r' || g)::uuid, 'HIS-' || g, 'Historisk anmodning ' || g, 'System ' || (g % 500),
                       'Leverandør ' || (g % 200) || ' A/S',
                       repeat('Borgerne skal kunne booke tid online, og sagsbehandlerne skal se bookingerne. ', 3),
                       'Afdeling ' || (g % 30), case when g % 10 = 0 then (?::text[])[1 + (g / 10) % ?] else 'bruger' || (g % 997) end,
                       50000 + (g % 100) * 1000, 20000 + (g % 50) * 1000, 1 + g % 5, 10 + g % 500,
                       string_to_array((array['NONE','ORDINARY','CPR,SENSITIVE','ORDINARY,CPR'])[1 + g % 4], ','), (array['ON_PREMISES','CLOUD_EU'])[1 + g % 2],
                       'MitID, KOMBIT', (t - interval '1 day' * (g % 1800))::date + 60,
                       (array['APPROVED','APPROVED','APPROVED_WITH_CONDITIONS','REJECTED'])[1 + g % 4],
                       t - interval '1 day' * (g % 1800), t - interval '1 day' * (g % 1800) + interval '7 days',
                       (array['APPROVED','APPROVED','APPROVED_WITH_CONDITIONS','REJECTED'])[1 + g % 4],
                       md5('p' || g)::uuid::text
                  from generate_series(?, ?) g, (select now() - interval '10 days' as t) now
                """);
        sql.add("""
                insert into area_screening (request_id, area, state, verdict, findings, conditions, checklist, screened_by,
                    started_at, completed_at)
                select r.id, a.area, 'COMPLETED', 'APPROVED', 'Gennemgået af fagområdet; ingen bemærkninger.', '[]',
                       '{"q1": "Ja", "q2": "Nej", "q3": "Leverandøren, med servicedesk som første linje"}',
                       'ekspert', r.submitted_at + interval '2 hours',
                       r.submitted_at + interval '2 hours' + interval '1 hour' * (1 + abs(hashtext(r.reference || a.area)) % 150)
                  from purchase_request r cross join unnest(array['SECURITY','USER_MANAGEMENT','SUPPORT','CONTRACT',
                       'INSTALLATION','IMPLEMENTATION']) a(area)
                 where r.reference like 'HIS-%' and substr(r.reference, 5)::int between ? and ?
                """);
        sql.add("""
                insert into request_scope (request_id, proposed_areas, proposed_flags, areas, flags, confirmed_by, confirmed_at)
                select id, '["SECURITY","USER_MANAGEMENT","SUPPORT","CONTRACT","INSTALLATION","IMPLEMENTATION"]', '["DPIA_LIKELY"]',
                       '["SECURITY","USER_MANAGEMENT","SUPPORT","CONTRACT","INSTALLATION","IMPLEMENTATION"]', '["DPIA_LIKELY"]',
                       'koordinator', submitted_at + interval '1 hour'
                  from purchase_request where reference like 'HIS-%' and substr(reference, 5)::int between ? and ?
                """);
        sql.add("""
                insert into decision (request_id, outcome, recommendation, reason, conditions, decided_by, decided_at)
                select id, status, recommendation, null, '[]', 'koordinator', submitted_at + interval '6 days'
                  from purchase_request where reference like 'HIS-%' and substr(reference, 5)::int between ? and ?
                """);
        // The case history as the application writes it for one lifecycle (the kinds the steering report reads among
        // those it does not): submission, triage, screening started, each area claimed and screened, recommendation,
        // decision and the mails.
        sql.add("""
                insert into case_history (request_id, at, kind, actor)
                select r.id, r.submitted_at + k.after, k.kind, 'koordinator'
                  from purchase_request r cross join (values (interval '0', 'SUBMITTED'), (interval '1 minute', 'MAIL_SENT'),
                       (interval '1 hour', 'TRIAGE_ACCEPTED'), (interval '1 hour', 'SCREENING_STARTED'),
                       (interval '1 hour 1 minute', 'MAIL_SENT'), (interval '5 days 20 hours', 'RECOMMENDED'),
                       (interval '6 days', 'DECIDED'), (interval '6 days 1 minute', 'MAIL_SENT')) k(after, kind)
                 where r.reference like 'HIS-%' and substr(r.reference, 5)::int between ? and ?
                """);
        sql.add("""
                insert into case_history (request_id, at, kind, actor, area)
                select a.request_id, t.at, t.kind, 'ekspert', a.area
                  from area_screening a join purchase_request r on r.id = a.request_id
                       cross join lateral (values (a.started_at, 'TASK_CLAIMED'), (a.completed_at, 'AREA_SCREENED')) t(at, kind)
                 where r.reference like 'HIS-%' and substr(r.reference, 5)::int between ? and ?
                """);
        sql.add("""
                insert into outbox_event (id, request_id, type, subject, occurred_at, payload, published_at)
                select md5('e' || r.reference || '-' || k)::uuid, r.id,
                       'dk.indkoebsscreening.' || (array['request-submitted','screening-started','area-screened','area-screened',
                       'area-screened','area-screened','area-screened','area-screened','decision-made'])[k] || '.v1',
                       r.reference, r.submitted_at + interval '1 hour' * k,
                       jsonb_build_object('requestId', r.id, 'reference', r.reference, 'title', r.title, 'systemName', r.system_name,
                           'vendor', r.vendor, 'department', r.department, 'requester', r.requester, 'step', k),
                       r.submitted_at + interval '1 hour' * k + interval '50 milliseconds'
                  from purchase_request r cross join generate_series(1, 9) k
                 where r.reference like 'HIS-%' and substr(r.reference, 5)::int between ? and ?
                 order by r.submitted_at, k
                """);
        for (String statement : sql) {
            try (var ps = db.prepareStatement(statement)) {
                int parameter = 1;
                if (statement == sql.get(0)) {
                    ps.setArray(parameter++, db.createArrayOf("text", requesters.toArray()));
                    ps.setInt(parameter++, requesters.size());
                }
                ps.setInt(parameter++, from);
                ps.setInt(parameter, to);
                ps.executeUpdate();
            }
        }
    }
}
