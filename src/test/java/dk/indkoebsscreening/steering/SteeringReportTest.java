package dk.indkoebsscreening.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.register.ScreeningOfSystems;
import dk.indkoebsscreening.satisfaction.SatisfactionSurveys;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.WebSession;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The steering report's figures for a constructed quarter (3. kvartal 2002, whose weekdays are those of 2019: 1 July a
 * Monday, no holiday), computed by hand below and asserted on the service, the page, the drill-downs, the CSV and the
 * PDF; and who may read it. Five requests of two departments:
 * <pre>
 * R1 A  submitted Mon 1/7, screening Tue 2/7, recommended Thu 4/7, approved Fri 5/7 (deadline 8/7), a pool pays:  4 working days
 * R2 A  submitted Wed 10/7, screening Thu 11/7, recommended approval Fri 19/7, rejected Mon 22/7 (deadline 17/7: late),
 *       waited 2 working days for the requester; overridden with a reason:                                           8 working days
 * R3 B  submitted Mon 5/8, withdrawn Wed 7/8
 * R4 B  submitted Mon 2/9, triage skipped, recommended Tue 3/9 09.00, approved with conditions 10.00 (open, overdue,
 *       verified), who pays not stated:                                                                               1 working day
 * R5 B  submitted Fri 28/6 (before the quarter), screening 28/6, recommended Mon 1/7, approved Tue 2/7, the department pays: 2
 * </pre>
 * Decided 4 (R1, R2, R4, R5): days 1, 2, 4, 8 → median 3, 90th percentile 8; 3 of 4 on time = 75 %.
 * Waits: triage 1, 1, 0, 0 → median 0.5; requester 0, 2, 0, 0 → median 0, p90 2; areas 2, 6, 1, 1 → median 1.5, p90 6;
 * decision 1, 1, 0, 1 → median 1. Areas: security R1 2 days, R2 6 days (late) → median 4; contract R2 1 day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SteeringReportTest extends ApiTestBase {

    private static final String PERIOD = "periode=2002-K3";

    @Autowired
    private SteeringReports reports;

    private final String tag = Long.toString(System.nanoTime(), 36);
    private final String departmentA = "Styring A " + tag;
    private final String departmentB = "Styring B " + tag;
    private final List<String> references = new ArrayList<>();
    private String municipality;

    @BeforeAll
    void construct() {
        api = new ApiClient(port);
        UUID r1 = submitted("R1", departmentA, "2002-07-01 10:00", "2002-07-08 16:00", "POOL", "Teknologipuljen");
        history(r1, "SCREENING_STARTED", "2002-07-02 10:00");
        history(r1, "RECOMMENDED", "2002-07-04 10:00");
        area(r1, "SECURITY", "2002-07-02 10:00", "2002-07-04 09:00");
        decided(r1, "APPROVED", "APPROVED", null, "2002-07-05 10:00");

        UUID r2 = submitted("R2", departmentA, "2002-07-10 09:00", "2002-07-17 16:00", "IT", null);
        history(r2, "SCREENING_STARTED", "2002-07-11 10:00");
        area(r2, "SECURITY", "2002-07-11 10:00", "2002-07-19 09:00");
        area(r2, "CONTRACT", "2002-07-11 10:00", "2002-07-12 09:00");
        history(r2, "RECOMMENDED", "2002-07-19 10:00");
        waited(r2, 2);
        decided(r2, "REJECTED", "APPROVED", "Budgettet rækker ikke i år.", "2002-07-22 10:00");

        UUID r3 = submitted("R3", departmentB, "2002-08-05 10:00", "2002-08-12 16:00", "DEPARTMENT", null);
        history(r3, "WITHDRAWN", "2002-08-07 10:00");
        jdbc.sql("update purchase_request set status = 'WITHDRAWN' where id = ?").param(r3).update();

        UUID r4 = submitted("R4", departmentB, "2002-09-02 10:00", "2002-09-09 16:00", null, null);
        history(r4, "TRIAGE_SKIPPED", "2002-09-02 10:00");
        history(r4, "RECOMMENDED", "2002-09-03 09:00");
        decided(r4, "APPROVED_WITH_CONDITIONS", "APPROVED_WITH_CONDITIONS", null, "2002-09-03 10:00");
        condition(r4, 1, "OPEN");
        condition(r4, 2, "OVERDUE");
        condition(r4, 3, "VERIFIED");

        answered(r1, 5, false, "Hurtigt og klart.", "2002-07-08 10:00");
        answered(r2, 2, true, "Afslaget kom efter fristen.", "2002-07-23 10:00");
        answered(r4, 4, false, null, "2002-09-04 10:00");

        jdbc.sql("""
                insert into registered_system (id, name, vendor, department, source, created_at, updated_at, updated_by)
                values (?, ?, null, ?, 'KITOS_IMPORT', '2002-08-15 12:00 Europe/Copenhagen', now(), 'koordinator')
                """).params(UUID.randomUUID(), "Skyggesystem " + tag, departmentB).update();

        UUID r5 = submitted("R5", departmentB, "2002-06-28 10:00", "2002-07-05 16:00", "DEPARTMENT", null);
        history(r5, "SCREENING_STARTED", "2002-06-28 12:00");
        history(r5, "RECOMMENDED", "2002-07-01 09:00");
        decided(r5, "APPROVED", "APPROVED", null, "2002-07-02 10:00");
    }

    @Test
    void theFiguresAreThoseComputedByHand() {
        SteeringReports.Report report = reports.newestReport(ReportPeriod.quarter(2002, 3), Optional.of(municipality));

        assertThat(List.of(report.submitted(), report.decided(), report.approved(), report.rejected(), report.withdrawn(),
                report.late())).containsExactly(4, 4, 3, 1, 1, 1);
        assertThat(report.onTimePercent()).isEqualTo(75);
        assertThat(report.days()).isEqualTo(new SteeringReports.Durations(4, 3.0, 8));
        assertThat(report.departments()).containsExactly(
                new SteeringReports.DepartmentFigures(departmentA, 2, 2, 0, 1, 50, new SteeringReports.Durations(2, 6.0, 8)),
                new SteeringReports.DepartmentFigures(departmentB, 2, 2, 1, 0, 100, new SteeringReports.Durations(2, 1.5, 2)));
        assertThat(report.waits()).containsExactly(
                new SteeringReports.Wait("TRIAGE", new SteeringReports.Durations(4, 0.5, 1)),
                new SteeringReports.Wait("REQUESTER", new SteeringReports.Durations(4, 0.0, 2)),
                new SteeringReports.Wait("AREAS", new SteeringReports.Durations(4, 1.5, 6)),
                new SteeringReports.Wait("DECISION", new SteeringReports.Durations(4, 1.0, 1)));
        assertThat(report.areas()).extracting(area -> area.area().name() + " " + area.screened() + " " + area.late() + " "
                + area.days().median() + " " + area.days().percentile90())
                .containsExactly("SECURITY 2 1 4.0 6", "CONTRACT 1 0 1.0 1");
        assertThat(report.overrides()).extracting(SteeringRows.RequestRow::reason).containsExactly("Budgettet rækker ikke i år.");
        assertThat(List.of(report.conditionsOpen(), report.conditionsOverdue(), report.requestsWithConditionsOpen()))
                .containsExactly(2, 1, 1);
        assertThat(report.approvedByFunding()).extracting(paid -> paid.source() + " " + paid.name() + " " + paid.count() + " "
                + paid.valueDkk().stripTrailingZeros().toPlainString())
                .containsExactly("DEPARTMENT null 1 325000", "POOL Teknologipuljen 1 325000", "null null 1 325000");
        assertThat(report.approvedValueDkk().stripTrailingZeros().toPlainString()).isEqualTo("975000");
        assertThat(report.unscreened()).extracting(ScreeningOfSystems.Unscreened::name).containsExactly("Skyggesystem " + tag);
        assertThat(report.satisfaction().answers()).isEqualTo(3);
        assertThat(report.satisfaction().average()).as("(5 + 2 + 4) / 3, one decimal").isEqualTo(3.7);
        assertThat(report.satisfaction().byScore()).containsExactly(0, 1, 0, 1, 1);
        assertThat(report.satisfaction().each()).extracting(SatisfactionSurveys.Answer::requester).as("the second asked to be anonymous")
                .containsExactly("anna", null, "anna");
        assertThat(report.satisfaction().each().get(1).reference()).as("nothing that leads to an anonymous requester").isNull();
    }

    /**
     * R6 came in before 3rd quarter 2003 and was decided after it, but its security area was screened within it (Mon 30/6
     * to Mon 7/7 2003: 5 working days, after the deadline of Fri 4/7): the area counts, with its request behind it.
     */
    @Test
    void anAreaScreenedInThePeriodCountsThoughItsRequestCameInBeforeAndWasDecidedAfter() {
        UUID r6 = submitted("R6", departmentA, "2003-06-27 10:00", "2003-07-04 16:00", null, null);
        area(r6, "SECURITY", "2003-06-30 10:00", "2003-07-07 09:00");
        decided(r6, "APPROVED", "APPROVED", null, "2003-10-01 10:00");
        ReportPeriod quarter = ReportPeriod.quarter(2003, 3);

        SteeringReports.Report report = reports.newestReport(quarter, Optional.of(municipality));

        assertThat(List.of(report.submitted(), report.decided(), report.withdrawn())).containsExactly(0, 0, 0);
        assertThat(report.areas()).extracting(area -> area.area().name() + " " + area.screened() + " " + area.late() + " "
                + area.days().median() + " " + area.days().percentile90()).containsExactly("SECURITY 1 1 5.0 5");
        assertThat(reports.requests(quarter, Optional.of(municipality), Figure.SCREENED_LATE, null, Area.SECURITY, null, null, false))
                .extracting(SteeringRows.RequestRow::id).containsExactly(r6);
    }

    @Test
    void theCoordinatorSeesThePageAndDrillsFromTheExceededDeadlineToItsRequest() {
        WebSession coordinator = new WebSession(port);
        coordinator.login("koordinator");

        String page = coordinator.get("/styring?" + PERIOD).body();

        assertThat(page).contains("Styringsrapport: Nordby Kommune", "Tallene gælder 3. kvartal 2002.", "75 %",
                "3 godkendt, 1 afvist", departmentA, departmentB, "Budgettet rækker ikke i år.",
                "indstillet: Godkendt, afgjort: Afvist", "Pulje: Teknologipuljen", "Ikke oplyst", "arbejdsdage fra anmodning til afgørelse for halvdelen; 9 ud af 10 på højst 8", "6 arbejdsdage",
                "0,5 arbejdsdage", "1,5 arbejdsdage", "3 svar, gennemsnit 3,7", "Anna Andersen", "Anonym", "Afslaget kom efter fristen.",
                "Indkøbt uden om screeningen", "Skyggesystem " + tag, "Importeret fra KITOS");
        String late = page.replaceAll("(?s).*id=\"late-link\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(late).isEqualTo("/styring/anmodninger?periode=2002-K3&figur=LATE");
        String requests = coordinator.get(late).body();
        assertThat(requests).contains("Overskredet frist", references.get(1)).doesNotContain(references.get(0), references.get(3));
        String ofDepartment = coordinator.get("/styring/anmodninger?" + PERIOD + "&figur=SUBMITTED&afdeling="
                + WebSession.encode(departmentB)).body();
        assertThat(ofDepartment).contains(references.get(2), references.get(3)).doesNotContain(references.get(0), references.get(4));
        assertThat(coordinator.get("/styring/anmodninger?" + PERIOD + "&figur=APPROVED&betaler=NONE").body())
                .contains(references.get(3)).doesNotContain(references.get(0), references.get(4));
        assertThat(coordinator.get("/styring/anmodninger?" + PERIOD + "&figur=SCREENED_LATE&omraade=SECURITY").body())
                .contains(references.get(1)).doesNotContain(references.get(0));
    }

    /**
     * The page never waits for a count it has counted before: after a change it shows the figures it has, says that newer
     * are being counted, and shows them once counted; the CSV and the PDF for the meeting wait for every change.
     */
    @Test
    void afterAChangeThePageSaysNewerFiguresAreComingAndShowsThemWhileTheCsvWaitsForThem() throws IOException {
        WebSession coordinator = new WebSession(port);
        coordinator.login("koordinator");
        // Counted and kept now; no view comes between it and the submission, so nothing can count the report again.
        int before = submittedInCsv();

        api.submit("anna", "Optælling " + tag);

        String page = coordinator.get("/styring").body();
        assertThat(page).contains("Opgjort ", "De nye tal bliver opgjort nu.", ">Opdater</a>");
        assertThat(submittedOnPage(page)).as("the figures counted before the submission").isEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).until(() -> submittedOnPage(coordinator.get("/styring").body()) == before + 1);

        api.submit("anna", "Optælling igen " + tag);
        assertThat(submittedInCsv()).as("the CSV counts every change before it is made").isEqualTo(before + 2);
    }

    private int submittedInCsv() throws IOException {
        byte[] bytes = api.download("koordinator", "/styring.csv").body();
        return CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords().stream()
                .filter(row -> row.size() == 2 && row.get(0).equals("Kommet ind")).mapToInt(row -> Integer.parseInt(row.get(1)))
                .findFirst().orElseThrow();
    }

    private static int submittedOnPage(String page) {
        Matcher figure = Pattern.compile("key-number\">(\\d+)</span> <span>Kommet ind<").matcher(page);
        assertThat(figure.find()).as("the page shows how many came in").isTrue();
        return Integer.parseInt(figure.group(1));
    }

    @Test
    void theCsvReadsBackInDanishExcel() throws IOException {
        HttpResponse<byte[]> response = api.download("koordinator", "/styring.csv?" + PERIOD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        byte[] bytes = response.body();
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        Map<String, String> figures = new java.util.HashMap<>();
        records.stream().filter(row -> row.size() == 2).forEach(row -> figures.put(row.get(0), row.get(1)));
        assertThat(figures).containsEntry("Kommet ind", "4").containsEntry("Afgjort", "4").containsEntry("Afgjort inden for fristen", "75 %")
                .containsEntry("Overskredet frist", "1").containsEntry("Median (arbejdsdage)", "3")
                .containsEntry("Godkendt kontraktværdi i alt (kr.)", "975000,00");
        assertThat(records).anySatisfy(row -> assertThat(row.toList()).containsExactly(departmentA, "2", "2", "0", "1", "50", "6", "8"));
        assertThat(records).anySatisfy(row -> assertThat(row.toList()).containsExactly("Pulje: Teknologipuljen", "1", "325000,00"));
        assertThat(records).anySatisfy(row -> assertThat(row.toList()).contains("Budgettet rækker ikke i år."));
    }

    @Test
    void thePdfIsTaggedInDanishWithTheFiguresAndIsRenderedToBeLookedAt() throws IOException {
        HttpResponse<byte[]> response = api.download("koordinator", "/styring.pdf?" + PERIOD);
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Styringsrapport: Nordby Kommune", "Tallene gælder 3. kvartal 2002.", "Kommet ind 4",
                    "Afgjort inden for fristen 75 %", departmentA, "Budgettet rækker ikke i år.", "Pulje: Teknologipuljen");
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged (PDF/UA)").isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("da");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Styringsrapport: Nordby Kommune, 3. kvartal 2002");
            Path pictures = java.nio.file.Files.createDirectories(Path.of("target", "report"));
            pdf.save(pictures.resolve("steering-report.pdf").toFile());
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 80);
                ImageIO.write(image, "png", pictures.resolve("steering-page-" + (page + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void onlyCoordinatorsAndAdministratorsReadItAndEachCoordinatorOnlyTheirOwnMunicipality() {
        for (String user : List.of("anna", "sikkerhed", "installation", "sofie")) {
            for (String path : List.of("/styring?" + PERIOD, "/styring.csv?" + PERIOD, "/styring.pdf?" + PERIOD,
                    "/styring/anmodninger?" + PERIOD + "&figur=LATE", "/styring/?" + PERIOD, "/styring%2Ecsv?" + PERIOD)) {
                int status = api.download(user, path).statusCode();
                assertThat(status).as(user + " " + path).isIn(400, 403, 404);
            }
        }
        WebSession sydby = new WebSession(port);
        sydby.login("sydby-koordinator");
        String theirs = sydby.get("/styring?" + PERIOD + "&kommune=nordby").body();
        assertThat(theirs).as("another municipality's coordinator, whatever the address says").contains("Styringsrapport: Sydby Kommune")
                .doesNotContain(departmentA, "Budgettet");
        assertThat(sydby.get("/styring/anmodninger?" + PERIOD + "&figur=LATE&kommune=nordby").body()).doesNotContain(references.get(1));
        WebSession admin = new WebSession(port);
        admin.login("admin");
        assertThat(admin.get("/styring?" + PERIOD).body()).contains("Styringsrapport: Alle kommuner", "Nordby Kommune: " + departmentA);
        assertThat(admin.get("/styring?" + PERIOD + "&kommune=nordby").body()).contains("Styringsrapport: Nordby Kommune", departmentA);
    }

    @Test
    void aPeriodThatCannotBeUsedIsABadRequestInDanish() {
        WebSession coordinator = new WebSession(port);
        coordinator.login("koordinator");
        for (String query : List.of("periode=2026-K5", "periode=1999", "fra=2026-07-01", "periode=&fra=2026-07-01&til=2026-06-01",
                "fra=2010-01-01&til=2026-01-01", "fra=2026-13-01&til=2026-12-31", "periode=" + "x".repeat(5000))) {
            HttpResponse<String> page = coordinator.get("/styring?" + query);
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).doesNotContain("Exception");
        }
        assertThat(coordinator.get("/styring/anmodninger?" + PERIOD + "&figur=ALT").statusCode()).isEqualTo(400);
        assertThat(coordinator.get("/styring/anmodninger?" + PERIOD + "&figur=LATE&omraade=KAFFE").statusCode()).isEqualTo(400);
        assertThat(coordinator.get("/styring/anmodninger?" + PERIOD + "&figur=LATE&afdeling=" + "a".repeat(500)).statusCode()).isEqualTo(400);
    }

    private UUID submitted(String name, String department, String at, String deadline, String funding, String fundingName) {
        Map<String, Object> form = ApiClient.validRequest(name + " " + tag);
        form.put("department", department);
        if (funding != null) {
            form.put("purchaseFunding", funding);
            form.put("purchaseFundingName", fundingName);
            form.put("operationFunding", "DEPARTMENT");
        }
        UUID id = UUID.fromString(api.post("anna", "/api/requests", form).body().get("id").asText());
        jdbc.sql("update purchase_request set submitted_at = ?::timestamptz, deadline = ?::timestamptz where id = ?")
                .params(copenhagen(at), copenhagen(deadline), id).update();
        references.add(jdbc.sql("select reference from purchase_request where id = ?").param(id).query(String.class).single());
        municipality = jdbc.sql("select tenant_id from purchase_request where id = ?").param(id).query(String.class).single();
        return id;
    }

    private void history(UUID id, String kind, String at) {
        jdbc.sql("insert into case_history (request_id, at, kind, actor) values (?, ?::timestamptz, ?, 'koordinator')")
                .params(id, copenhagen(at), kind).update();
    }

    private void area(UUID id, String area, String started, String completed) {
        jdbc.sql("""
                insert into area_screening (request_id, area, state, verdict, started_at, completed_at)
                values (?, ?, 'COMPLETED', 'APPROVED', ?::timestamptz, ?::timestamptz)
                """).params(id, area, copenhagen(started), copenhagen(completed)).update();
    }

    private void waited(UUID id, int workingDays) {
        jdbc.sql("""
                insert into requester_wait (id, request_id, started_at, open_waits, ended_at, working_days, deadline_moved)
                values (?, ?, '2002-07-12 10:00 Europe/Copenhagen', 0, '2002-07-16 10:00 Europe/Copenhagen', ?, false)
                """).params(UUID.randomUUID(), id, workingDays).update();
    }

    private void answered(UUID id, int score, boolean anonymous, String comment, String at) {
        jdbc.sql("""
                insert into satisfaction_survey (request_id, requester, asked_at, answered_at, score, comment, anonymous)
                values (?, 'anna', ?::timestamptz, ?::timestamptz, ?, ?, ?)
                """).params(id, copenhagen(at), copenhagen(at), score, comment, anonymous).update();
    }

    private void decided(UUID id, String outcome, String recommendation, String reason, String at) {
        jdbc.sql("""
                insert into decision (request_id, outcome, recommendation, reason, decided_by, decided_at)
                values (?, ?, ?, ?, 'koordinator', ?::timestamptz)
                """).params(id, outcome, recommendation, reason, copenhagen(at)).update();
        jdbc.sql("update purchase_request set status = ? where id = ?").params(outcome, id).update();
    }

    private void condition(UUID id, int number, String status) {
        jdbc.sql("""
                insert into condition_item (id, request_id, number, text, owner, due, before_go_live, status, created_at, updated_at)
                values (?, ?, ?, 'Betingelse', 'anna', date '2002-10-01', false, ?, now(), now())
                """).params(UUID.randomUUID(), id, number, status).update();
    }

    private static String copenhagen(String localTime) {
        return localTime + " Europe/Copenhagen";
    }
}
