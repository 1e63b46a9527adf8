package dk.indkoebsscreening;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.request.RequestService;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.ScreeningForm;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole story in a real browser: a requester submits (with a validation error and its
 * correction), the coordinator triages, six experts screen, the coordinator decides and the requester
 * sees the decision; and what a requester may not open. axe-core checks every page on the way.
 */
class WebUiBrowserTest extends BrowserTestBase {

    private static final List<String> EXPERTS = List.of(
            "sikkerhed", "brugerstyring", "support", "kontrakt", "installation", "implementering");

    @Autowired
    RequestService requests;
    @Autowired
    CaseFileService caseFiles;
    @Autowired
    ChecklistProperties checklists;

    @Test
    void requestIsSubmittedScreenedAndDecidedThroughThePages() {
        browser.open("/anmodninger");
        assertThat(browser.path()).startsWith("/login");
        browser.assertAccessible();

        browser.login("anna");
        assertThat(browser.text(By.cssSelector("header .user"))).isEqualTo("Logget ind som Anna Andersen");
        browser.assertAccessible();
        browser.open("/anmodninger/ny");
        assertThat(browser.title()).contains("Ny anmodning");
        browser.assertAccessible();
        fillRequestFormWithMistakes();
        browser.submit();

        // Every mistake in one round, in the order of the page, in Danish; the focus on the summary; typed text kept.
        assertThat(browser.focused()).isEqualTo("error-summary");
        assertThat(browser.text(By.className("error-summary"))).containsSubsequence(
                "Skriv en titel.",
                "Skriv beløbet i kroner, fx 250.000, 48.500,50 eller 1,5 mio.",
                "Skriv kontraktens længde som et helt antal år, fx 4.");
        assertThat(browser.text(By.cssSelector(".field-error"))).contains("Skriv en titel.");
        assertThat(browser.field("field-annualCostDkk").getAttribute("value")).isEqualTo("cirka 48.500");
        assertThat(browser.field("field-contractYears").getAttribute("value")).isEqualTo("2,5");
        assertThat(browser.field("field-oneOffCostDkk").getAttribute("value")).isEqualTo("1,5 mio.");
        browser.assertAccessible();
        browser.find(By.cssSelector(".error-summary a[href='#field-title']")).click();
        assertThat(browser.focused()).isEqualTo("field-title");
        browser.type("field-title", "Borgerportal for byggesager");
        browser.type("field-annualCostDkk", "48.500,50 kr.");
        browser.type("field-contractYears", "4");
        browser.submit();

        assertThat(browser.path()).endsWith("/kvittering");
        String reference = browser.text(By.id("reference"));
        assertThat(reference).matches("IND-\\d{4}-\\d{4}");
        assertThat(browser.mainText()).containsPattern("senest \\d{1,2}\\. [a-zæøå]+ \\d{4}");
        browser.assertAccessible();
        WebElement open = browser.find(By.cssSelector("main .actions a.button"));
        assertThat(open.getText()).isEqualTo("Se anmodningen og hvor den står");
        open.click();
        String requestPath = browser.path();
        assertThat(browser.text(By.id("status"))).isEqualTo("Modtaget, afventer triage");
        assertThat(browser.mainText()).contains("1.500.000 kr.").contains("48.500,50 kr.").contains("arbejdsdage tilbage")
                .contains("Anna Andersen");
        assertProcessPictureMarks("Anmodningen står nu her i processen: Triagér anmodning.", "current-activity");
        browser.assertAccessible();

        browser.login("koordinator");
        browser.open("/opgaver");
        browser.assertAccessible();
        openTaskFor(reference);
        assertThat(browser.mainText()).contains("Anna Andersen").doesNotContain("Anmoder: anna");
        browser.assertAccessible();
        browser.choose("outcome", "ACCEPT");
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo(reference + " er sendt til screening.");

        for (String expert : EXPERTS) {
            browser.login(expert);
            openTaskFor(reference);
            browser.submit("/tag");
            assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Du har taget opgaven. Den står nu som din i opgavelisten.");
            if (expert.equals("sikkerhed")) {
                assertThat(browser.mainText()).contains("databehandleraftale");
            }
            if (expert.equals("kontrakt")) {
                // Only the 2026-27 euro value is configured: the page gives it with the band its kroner value lies in.
                assertThat(browser.mainText()).contains("Anmodningens samlede kontraktværdi er ")
                        .contains("EU's tærskelværdi for kommuners køb af varer og tjenesteydelser er 216.000 euro, i kroner mellem "
                                + "1.574.184 kr. og 1.648.700 kr.")
                        .doesNotContain("ikke oplyst").doesNotContain("indkoeb.");
            }
            browser.assertAccessible();
            screen(expert.equals("kontrakt"));
            assertThat(browser.text(By.cssSelector("main .notice-success"))).as("%s's screening was saved", expert)
                    .startsWith("Din vurdering af").endsWith("for " + reference + " er gemt.");
        }

        browser.login("koordinator");
        awaitTask(reference, "DECISION");
        assertThat(browser.text(By.id("recommendation"))).contains("Godkendt med betingelser");
        assertThat(browser.find(By.cssSelector("input[name=outcome][value=APPROVED_WITH_CONDITIONS]")).isSelected()).isTrue();
        assertThat(browser.mainText()).as("the decision has the request's deadline").containsPattern("Frist: \\d{1,2}\\. ");
        assertThat(browser.text(By.id("verdict-CONTRACT"))).as("each area's verdict and conditions in a block of its own")
                .contains("Kontrakt", "Godkendt med betingelser", "Indkøb via SKI 02.19");
        browser.assertAccessible();
        String decisionTaskPath = browser.path();
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Afgørelsen for " + reference + " er truffet: Godkendt med betingelser.");

        browser.open(decisionTaskPath);
        assertThat(browser.title()).startsWith("Opgaven er allerede løst");
        assertThat(browser.mainText()).contains("Opgaven »Afgørelse« blev løst af Karen Koordinator");
        assertThat(browser.findAll(By.xpath("//header//button[normalize-space()='Log ud']"))).as("the header stays logged in").isNotEmpty();
        browser.assertAccessible();

        browser.open("/anmodninger/alle?q=" + reference);
        assertThat(browser.text(By.className("request-table"))).contains(reference).contains("Anna Andersen");
        browser.assertAccessible();

        browser.login("anna");
        browser.open(requestPath);
        assertThat(browser.text(By.id("status"))).isEqualTo("Godkendt med betingelser");
        assertThat(browser.text(By.id("decision"))).contains("Godkendt med betingelser", "Én betingelse: se Hvad sker der nu? nedenfor");
        assertThat(browser.text(By.id("what-now"))).as("the condition with its owner, due date, status and whom to ask")
                .contains("Indkøb via SKI 02.19", "Ansvarlig", "Anna Andersen", "Før idriftsættelse", "Åben", "Karl Kontrakt (kontrakt)");
        assertThat(browser.text(By.id("areas"))).contains("Screenet").doesNotContain("Under screening");
        // Approved with a condition: the process goes on with its follow-up, the owner's task first.
        assertProcessPictureMarks("Anmodningen står nu her i processen: Opfyld betingelse.", "current-activity");
        browser.assertAccessible();
        browser.open("/anmodninger");
        assertThat(browser.mainText()).contains(reference);
        browser.assertAccessible();

        browser.login("koordinator");
        browser.open("/overblik");
        assertThat(browser.mainText()).contains("Godkendt med betingelser").doesNotContain("Afventer dit svar")
                .doesNotContainPattern("\\b\\d+\\.\\d\\b").doesNotContainPattern("\\b\\d{4}-\\d{2}\\b");
        browser.assertAccessible();
        browser.find(By.linkText("Tilgængelighedserklæring")).click();
        assertThat(browser.title()).startsWith("Tilgængelighedserklæring");
        assertThat(browser.mainText()).contains("Kendte mangler").contains("Kontakt og feedback");
        browser.assertAccessible();
    }

    @Test
    void requesterAnswersTheCoordinatorsQuestionOnTheRequestPage() {
        String requestId = requests.submit(new PurchaseRequestForm("Vagtplanlægning", "PlanIt", "Eksempel ApS",
                "Vagtplaner for hjemmeplejen.", "Ældre og Sundhed", BigDecimal.TEN, BigDecimal.ONE, 2, 120,
                List.of(PersonalData.ORDINARY), Hosting.CLOUD_EU, null, null, LocalDate.now().plusMonths(1), null, null, null, null, null, null, null, null, null, null, null), "bent").id().toString();
        String reference = caseFiles.caseFile(UUID.fromString(requestId),
                new CurrentUser("bent", Set.of())).request().reference();

        browser.login("koordinator");
        openTaskFor(reference);
        browser.choose("outcome", "NEED_MORE_INFORMATION");
        browser.type("field-comment", "Hvor mange medarbejdere skal bruge systemet?");
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Spørgsmålet om " + reference + " er sendt til anmoderen.");
        assertThat(browser.text(By.id("awaiting-requester"))).contains(reference).contains("Bent Bertelsen");
        browser.assertAccessible();
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("status"))).isEqualTo("Venter på svar fra anmoder");
        assertThat(browser.text(By.cssSelector("[aria-current=step]"))).contains("venter på svar fra anmoderen");

        browser.login("bent");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("question-title"))).isNotBlank();
        assertThat(browser.text(By.id("status"))).isEqualTo("Afventer dit svar");
        assertThat(browser.text(By.cssSelector("[aria-current=step]"))).contains("venter på dit svar");
        assertThat(browser.mainText()).contains("Hvor mange medarbejdere skal bruge systemet?");
        browser.assertAccessible();
        browser.submit("/svar");
        assertThat(browser.text(By.className("error-summary"))).contains("Skriv dit svar.");
        browser.type("field-answer", "Omkring 120 i hjemmeplejen.");
        browser.submit("/svar");

        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Dit svar på spørgsmålet om " + reference + " er sendt til koordinatoren.");
        assertThat(browser.text(By.id("status"))).isEqualTo("Modtaget, afventer triage");
        assertThat(browser.mainText()).contains("Omkring 120 i hjemmeplejen.");
        browser.assertAccessible();

        browser.login("koordinator");
        openTaskFor(reference);
        assertThat(browser.text(By.id("questions-title"))).isNotBlank();
        assertThat(browser.mainText()).contains("Hvor mange medarbejdere skal bruge systemet?").contains("Omkring 120 i hjemmeplejen.");
        browser.assertAccessible();
    }

    @Test
    void requesterSeesWhyAnAreaWasRejected() {
        Lifecycle lifecycle = new Lifecycle(new ApiClient(port), checklists);
        String requestId = lifecycle.submitAndAccept("anna", "Ledelsesinformation");
        for (Area area : Area.values()) {
            Map<String, Object> screening = lifecycle.approval(area);
            if (area == Area.SECURITY) {
                screening.put("verdict", "REJECTED");
                screening.put("findings", "Leverandøren vil ikke indgå en databehandleraftale.");
            }
            lifecycle.screen(requestId, area, screening);
        }
        lifecycle.decide(requestId, "REJECTED", "Sikkerheden kan ikke godkendes.");

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("status"))).isEqualTo("Afvist");
        assertThat(browser.text(By.id("areas"))).contains("Leverandøren vil ikke indgå en databehandleraftale.");
        browser.assertAccessible();
    }

    @Test
    void inboxOfManyTasksIsPagedFilteredAndSearchable() {
        String batch = "Massetest " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 30; i++) {
            requests.submit(new PurchaseRequestForm(batch + " nr. " + i, "System " + i, "Eksempel ApS",
                    "Behov.", "Borgerservice", BigDecimal.TEN, BigDecimal.ONE, 2, 10, List.of(PersonalData.ORDINARY),
                    Hosting.ON_PREMISES, null, null, LocalDate.now().plusMonths(1), null, null, null, null, null, null, null, null, null, null, null), "bent");
        }

        browser.login("koordinator");
        browser.open("/opgaver");
        assertThat(browser.findAll(By.cssSelector("#task-table-TRIAGE tbody tr"))).as("a preview, not the whole list").hasSize(10);
        assertThat(browser.findAll(By.xpath("//table[@id='task-table-TRIAGE']//a[normalize-space()='Triage']")))
                .as("every link names its request").isEmpty();
        // The triage section's own link: escalations or decisions other tests left open come first when they are many.
        browser.find(By.xpath("//section[@aria-labelledby='tasks-TRIAGE']//a[starts-with(normalize-space(), 'Vis alle')]")).click();
        assertThat(browser.path()).startsWith("/opgaver?type=TRIAGE");

        browser.type("filter-q", batch);
        browser.submit("/opgaver");
        assertThat(browser.text(By.id("results-title"))).isEqualTo("30 opgaver fundet");
        assertThat(browser.findAll(By.cssSelector("#task-table-results tbody tr"))).hasSize(25);
        assertThat(browser.text(By.id("task-table-results"))).contains("arbejdsdage tilbage");
        browser.assertAccessible();
        browser.find(By.linkText("Næste side")).click();
        assertThat(browser.findAll(By.cssSelector("#task-table-results tbody tr"))).hasSize(5);
        assertThat(browser.mainText()).contains("Side 2 af 2");
        browser.assertAccessible();

        browser.open("/anmodninger/alle?q=" + batch.replace(" ", "+"));
        assertThat(browser.mainText()).contains("30");
        assertThat(browser.findAll(By.cssSelector(".request-table tbody tr"))).hasSize(25);
        browser.assertAccessible();

        // Refined by department and a date: the further criteria stay open, and the result is the same requests.
        browser.open("/anmodninger/alle?q=" + batch.replace(" ", "+") + "&afdeling=borgerservice&fra=" + LocalDate.now());
        assertThat(browser.find(By.cssSelector("details.more-criteria")).getAttribute("open")).isNotNull();
        assertThat(browser.mainText()).contains("30 anmodninger fundet");
        browser.assertAccessible();

        // A word spelt otherwise than the requests spell it finds nothing, and "Mente du …?" leads to their spelling.
        browser.open("/anmodninger/alle?q=tandscanning");
        assertThat(browser.text(By.id("did-you-mean"))).isEqualTo("Mente du 3D-tandskanning?");
        assertThat(browser.findAll(By.className("request-table"))).as("no empty table").isEmpty();
        browser.assertAccessible();
        browser.find(By.cssSelector("#did-you-mean a")).click();
        assertThat(browser.text(By.className("request-table"))).contains("3D-tandskanning");
    }

    @Test
    void requesterCannotOpenTaskOrCoordinatorPages() {
        browser.login("koordinator");
        browser.open("/opgaver");
        String taskPath = browser.find(By.cssSelector("#task-table-SCREENING a, #task-table-TRIAGE a"))
                .getAttribute("href").replaceFirst("^http://[^/]+", "");
        browser.open("/overblik".equals(taskPath) ? "/opgaver" : taskPath);

        browser.login("anna");
        for (String path : List.of("/opgaver", taskPath, "/overblik")) {
            browser.open(path);
            assertThat(browser.title()).as(path).startsWith("Ingen adgang");
        }
        browser.assertAccessible();
        // Not found: from a page (our handler) and from an address nothing serves (Spring Boot's).
        for (String path : List.of("/anmodninger/" + UUID.randomUUID(), "/findes-ikke")) {
            browser.open(path);
            assertThat(browser.title()).as(path).startsWith("Siden findes ikke");
        }
        assertThat(browser.findAll(By.linkText("Opgaver"))).as("no task menu for a requester").isEmpty();

        browser.open("/anmodninger?lang=en");
        assertThat(browser.title()).contains("My requests");
        browser.assertAccessible();
        browser.open("/anmodninger?lang=da");
    }

    /** Without a title, a cost that is not an amount and a fraction of a year; the one-off cost the Danish way. */
    private void fillRequestFormWithMistakes() {
        browser.type("field-systemName", "ByggeSag Online");
        browser.type("field-vendor", "Eksempel Byg A/S");
        browser.type("field-need", "Borgere og virksomheder skal kunne følge deres byggesag online.");
        browser.type("field-department", "Teknik og Miljø");
        browser.type("field-oneOffCostDkk", "1,5 mio.");
        browser.type("field-annualCostDkk", "cirka 48.500");
        browser.type("field-contractYears", "2,5");
        browser.type("field-expectedUsers", "40");
        browser.choose("personalDataCategories", "CPR");
        browser.choose("personalDataCategories", "SENSITIVE");
        browser.choose("hosting", "CLOUD_OUTSIDE_EU");
        // Long, real-world answers: the pages must stay readable with them (no overlap, no sideways scroll).
        browser.type("field-transferBasis", "EU-Kommissionens standardkontraktbestemmelser (modul 2, controller til "
                + "processor) med supplerende foranstaltninger: kryptering i hvile og under transport, nøgler i EU, "
                + "jf. leverandørens overførselskonsekvensanalyse af 12.03.2026 – https://leverandoer.example/dpa/"
                + "standardkontraktbestemmelser-og-overfoerselsanalyse-2026-version-3.pdf");
        browser.choose("hasIntegrations", "true");
        browser.type("field-integrations", "ESDH, CPR-opslag via Serviceplatformen");
        browser.setDate("field-desiredStartDate", "2030-03-01");
        RequestFormFacts.fillFundingAndBenefits(browser);
    }

    /** Answers every required checklist question with its first option, then gives the verdict. */
    private void screen(boolean withCondition) {
        ScreeningForm.answerEveryQuestion(browser);
        if (withCondition) {
            browser.choose("verdict", "APPROVED_WITH_CONDITIONS");
            browser.type("field-conditions", "Indkøb via SKI 02.19");
        } else {
            browser.choose("verdict", "APPROVED");
        }
        browser.submit("/opgaver/" + taskIdInPath());
    }

    /** Finds the task the way a busy user does: by searching the inbox for the reference. */
    private void openTaskFor(String reference) {
        browser.open("/opgaver");
        browser.type("filter-q", reference);
        browser.submit("/opgaver");
        browser.find(By.xpath("//table[@id='task-table-results']//tr[td[contains(., '" + reference + "')]]//a")).click();
    }

    /** The decision task appears once the join's job has run (the join is asynchronous). */
    private void awaitTask(String reference, String type) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        By row = By.xpath("//table[@id='task-table-results']//tr[td[contains(., '" + reference + "')]]//a");
        while (true) {
            browser.open("/opgaver?type=" + type + "&q=" + reference);
            if (!browser.findAll(row).isEmpty()) {
                browser.find(row).click();
                return;
            }
            assertThat(Instant.now()).as("the %s task for %s appears", type, reference).isBefore(giveUp);
            sleep();
        }
    }

    /**
     * Behind "Se hele processen" on the request's page: the position in words, and the same element marked in the rendered
     * BPMN picture; then back to the request's page.
     */
    private void assertProcessPictureMarks(String sentence, String marker) {
        browser.find(By.id("whole-process")).click();
        assertThat(browser.text(By.id("process-position"))).isEqualTo(sentence);
        browser.awaitData(By.id("process-picture"), "rendered");
        assertThat(browser.findAll(By.cssSelector("#process-picture ." + marker))).isNotEmpty();
        browser.assertAccessible();
        browser.find(By.id("process-back")).click();
    }

    private String taskIdInPath() {
        return browser.path().replaceFirst("^/opgaver/", "").replaceFirst("[?#/].*$", "");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
