package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.request.RequestService;
import dk.indkoebsscreening.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    @Test
    void requestIsSubmittedScreenedAndDecidedThroughThePages() {
        browser.open("/anmodninger");
        assertThat(browser.path()).startsWith("/login");
        browser.assertAccessible();

        browser.login("anna");
        browser.assertAccessible();
        browser.open("/anmodninger/ny");
        assertThat(browser.title()).contains("Ny anmodning");
        browser.assertAccessible();
        fillRequestFormWithoutTitle();
        browser.submit();

        assertThat(browser.text(By.className("error-summary"))).contains("Skriv en titel.");
        assertThat(browser.text(By.cssSelector(".field-error"))).contains("Skriv en titel.");
        browser.assertAccessible();
        browser.find(By.cssSelector(".error-summary a[href='#field-title']")).click();
        browser.type("field-title", "Borgerportal for byggesager");
        browser.submit();

        assertThat(browser.path()).endsWith("/kvittering");
        String reference = browser.text(By.id("reference"));
        assertThat(reference).matches("IND-\\d{4}-\\d{4}");
        assertThat(browser.mainText()).containsPattern("senest \\d{1,2}\\. [a-zæøå]+ \\d{4}");
        browser.assertAccessible();
        browser.find(By.cssSelector("main .actions a.button")).click();
        String requestPath = browser.path();
        assertThat(browser.text(By.id("status"))).isEqualTo("Modtaget, afventer triage");
        assertThat(browser.mainText()).contains("1.250.000 kr.").contains("arbejdsdage tilbage");
        browser.assertAccessible();

        browser.login("koordinator");
        browser.open("/opgaver");
        browser.assertAccessible();
        openTaskFor(reference);
        browser.assertAccessible();
        browser.choose("outcome", "ACCEPT");
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.path()).startsWith("/opgaver?gemt");

        for (String expert : EXPERTS) {
            browser.login(expert);
            browser.open("/opgaver");
            openTaskFor(reference);
            browser.submit("/tag");
            if (expert.equals("sikkerhed")) {
                assertThat(browser.mainText()).contains("databehandleraftale");
                browser.assertAccessible();
            }
            screen(expert.equals("kontrakt"));
            assertThat(browser.path()).as("%s's screening was saved", expert).startsWith("/opgaver?gemt");
        }

        browser.login("koordinator");
        awaitTask(reference, "task-table-DECISION");
        assertThat(browser.text(By.id("recommendation"))).contains("Godkendt med betingelser");
        assertThat(browser.find(By.cssSelector("input[name=outcome][value=APPROVED_WITH_CONDITIONS]")).isSelected()).isTrue();
        browser.assertAccessible();
        browser.submit("/opgaver/" + taskIdInPath());

        browser.login("anna");
        browser.open(requestPath);
        assertThat(browser.text(By.id("status"))).isEqualTo("Godkendt med betingelser");
        assertThat(browser.text(By.id("decision"))).contains("Indkøb via SKI 02.19");
        assertThat(browser.text(By.id("areas"))).contains("Screenet").doesNotContain("Under screening");
        browser.assertAccessible();
        browser.open("/anmodninger");
        assertThat(browser.mainText()).contains(reference);
        browser.assertAccessible();

        browser.login("koordinator");
        browser.open("/overblik");
        assertThat(browser.mainText()).contains("Godkendt med betingelser");
        browser.assertAccessible();
    }

    @Test
    void requesterAnswersTheCoordinatorsQuestionOnTheRequestPage() {
        String requestId = requests.submit(new PurchaseRequestForm("Vagtplanlægning", "PlanIt", "Eksempel ApS",
                "Vagtplaner for hjemmeplejen.", "Ældre og Sundhed", BigDecimal.TEN, BigDecimal.ONE, 2, 120,
                PersonalData.ORDINARY, Hosting.CLOUD_EU, null, null, LocalDate.now().plusMonths(1)), "bent").id().toString();
        String reference = caseFiles.caseFile(UUID.fromString(requestId),
                new CurrentUser("bent", Set.of())).request().reference();

        browser.login("koordinator");
        browser.open("/opgaver");
        openTaskFor(reference);
        browser.choose("outcome", "NEED_MORE_INFORMATION");
        browser.type("field-comment", "Hvor mange medarbejdere skal bruge systemet?");
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.path()).startsWith("/opgaver?gemt");

        browser.login("bent");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("question-title"))).isNotBlank();
        assertThat(browser.mainText()).contains("Hvor mange medarbejdere skal bruge systemet?");
        browser.assertAccessible();
        browser.submit("/svar");
        assertThat(browser.text(By.className("error-summary"))).contains("Skriv dit svar.");
        browser.type("field-answer", "Omkring 120 i hjemmeplejen.");
        browser.submit("/svar");

        assertThat(browser.text(By.id("status"))).isEqualTo("Modtaget, afventer triage");
        assertThat(browser.mainText()).contains("Omkring 120 i hjemmeplejen.");
        browser.assertAccessible();
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

    private void fillRequestFormWithoutTitle() {
        browser.type("field-systemName", "ByggeSag Online");
        browser.type("field-vendor", "Eksempel Byg A/S");
        browser.type("field-need", "Borgere og virksomheder skal kunne følge deres byggesag online.");
        browser.type("field-department", "Teknik og Miljø");
        browser.type("field-oneOffCostDkk", "250.000");
        browser.type("field-annualCostDkk", "250.000");
        browser.type("field-contractYears", "4");
        browser.type("field-expectedUsers", "40");
        browser.choose("processesPersonalData", "true");
        browser.choose("personalData", "CPR");
        browser.choose("hosting", "CLOUD_EU");
        browser.choose("hasIntegrations", "true");
        browser.type("field-integrations", "ESDH, CPR-opslag via Serviceplatformen");
        browser.setDate("field-desiredStartDate", "2030-03-01");
    }

    /** Answers every required checklist question with its first option, then gives the verdict. */
    private void screen(boolean withCondition) {
        for (WebElement group : browser.findAll(By.cssSelector("fieldset.section fieldset"))) {
            group.findElement(By.cssSelector("input[type=radio]")).click();
        }
        browser.findAll(By.cssSelector("fieldset.section textarea")).forEach(text -> text.sendKeys("Afklaret."));
        if (withCondition) {
            browser.choose("verdict", "APPROVED_WITH_CONDITIONS");
            browser.type("field-conditions", "Indkøb via SKI 02.19");
        } else {
            browser.choose("verdict", "APPROVED");
        }
        browser.submit("/opgaver/" + taskIdInPath());
    }

    private void openTaskFor(String reference) {
        browser.find(By.xpath("//tr[td[contains(., '" + reference + "')]]//a")).click();
    }

    /** The decision task appears once the join's job has run (the join is asynchronous). */
    private void awaitTask(String reference, String tableId) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        By row = By.xpath("//table[@id='" + tableId + "']//tr[td[contains(., '" + reference + "')]]//a");
        while (true) {
            browser.open("/opgaver");
            if (!browser.findAll(row).isEmpty()) {
                browser.find(row).click();
                return;
            }
            assertThat(Instant.now()).as("the decision task for %s appears", reference).isBefore(giveUp);
            sleep();
        }
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
