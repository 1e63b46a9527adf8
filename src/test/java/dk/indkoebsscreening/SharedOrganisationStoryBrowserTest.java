package dk.indkoebsscreening;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.ScreeningForm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 31's story with the demo in a real browser: Sydby's {@code sofie} submits a request, {@code sydby-koordinator}
 * accepts it, the shared organisation's {@code installation} and {@code support} find it and Nordby's 3D-tandskanning
 * in one inbox, each named by its municipality, and screen both; Sydby's own experts screen the rest and
 * {@code sydby-koordinator} decides, and never sees anything of Nordby's: not in the inbox, the search, its suggestions
 * or at the address of Nordby's request. Rows of other tests are around: everything is found by this test's own title.
 */
class SharedOrganisationStoryBrowserTest extends BrowserTestBase {

    private static final List<String> SHARED_EXPERTS = List.of("installation", "support");
    private static final List<String> SYDBY_EXPERTS = List.of(
            "sydby-sikkerhed", "sydby-brugerstyring", "sydby-kontrakt", "sydby-implementering");
    private static final String NORDBYS = "3D-tandskanning";

    @Autowired
    JdbcClient jdbc;

    @Test
    void sharedExpertsScreenBothMunicipalitiesAndSydbyDecidesWithoutSeeingNordby() {
        String title = "Elektronisk medicinhåndtering " + UUID.randomUUID().toString().substring(0, 8);
        browser.login("sofie");
        browser.open("/anmodninger/ny");
        fillRequestForm(title);
        browser.submit();
        assertThat(browser.path()).endsWith("/kvittering");
        String reference = browser.text(By.id("reference"));
        String requestPath = browser.path().replaceFirst("/kvittering$", "");

        browser.login("sydby-koordinator");
        openTask(title, "TRIAGE");
        assertThat(browser.text(By.cssSelector("header .acting-for"))).as("whom they act for").isEqualTo("Sydby Kommune");
        assertThat(browser.text(By.id("similar"))).as("the duplicate check of Sydby's triage")
                .doesNotContain("Tidsbestilling", "BookPlus Booking", "Kultur og Fritid", "Nordby");
        browser.choose("outcome", "ACCEPT");
        for (String area : List.of("INSTALLATION", "SUPPORT")) {
            assertThat(browser.find(By.cssSelector("input[name=areas][value=" + area + "]")).isSelected())
                    .as("the proposed scope has %s", area).isTrue();
        }
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo(reference + " er sendt til screening.");

        for (String expert : SHARED_EXPERTS) {
            browser.login(expert);
            browser.open("/opgaver");
            assertThat(browser.text(By.cssSelector("header .acting-for"))).as("whom they act for").isEqualTo("IT-fællesskabet");
            // The busy inbox of a shared expert (other tests' tasks too): each row names its municipality first.
            String sydbys = "Sydby Kommune: " + (expert.equals("installation") ? "Installation" : "Support") + ": ";
            awaitRow(title, sydbys);
            assertThat(browser.text(row(title))).startsWith(sydbys + reference);
            awaitRow(NORDBYS, "Nordby Kommune: ");
            browser.open("/opgaver");
            browser.assertAccessible();
            assertEveryLinkOpens(expert, "nav.main-nav a");
            assertThat(browser.findAll(By.cssSelector("nav.main-nav a")).stream().map(link -> link.getAttribute("href")))
                    .as("their inbox and settings in %s's menu", expert)
                    .anyMatch(link -> link.endsWith("/opgaver")).anyMatch(link -> link.endsWith("/indstillinger"));
            for (String task : List.of(title, NORDBYS)) {
                awaitRow(task, "");
                browser.find(row(task)).findElement(By.tagName("a")).click();
                assertThat(browser.text(By.id("task-municipality"))).as("the task page names whose task it is")
                        .isEqualTo((task.equals(title) ? "Sydby" : "Nordby") + " Kommune:");
                if (task.equals(title) && expert.equals("installation")) {
                    String taskPath = browser.path();
                    browser.assertAccessible();
                    assertEveryLinkOpens(expert, "main a");
                    browser.open(taskPath);
                }
                screen(expert);
            }
        }

        // The request of a task they screened, and every page it leads a shared expert to.
        browser.open(requestPath);
        assertThat(browser.mainText()).contains(title);
        browser.assertAccessible();
        assertEveryLinkOpens("support", "main a");

        for (String expert : SYDBY_EXPERTS) {
            browser.login(expert);
            openTask(title, "SCREENING");
            screen(expert);
        }

        browser.login("sydby-koordinator");
        openTask(title, "DECISION");
        assertThat(browser.text(By.id("recommendation"))).contains("Godkendt");
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Afgørelsen for " + reference + " er truffet: Godkendt.");

        // Nothing of Nordby's for Sydby's coordinator, whatever the door.
        browser.open("/opgaver");
        assertNothingOfNordby("the inbox");
        browser.open("/anmodninger/alle");
        assertThat(browser.mainText()).contains(title);
        assertNothingOfNordby("all requests");
        browser.open("/anmodninger/alle?q=" + NORDBYS);
        assertNothingOfNordby("a search for Nordby's request");
        browser.open("/anmodninger/alle?q=tandscanning");
        assertThat(browser.findAll(By.id("did-you-mean"))).as("no suggestion from Nordby's words").isEmpty();
        assertNothingOfNordby("a misspelt search for Nordby's request");
        String nordbysId = Tenancy.callAs("nordby", () -> jdbc.sql("select id::text from purchase_request where title = ?")
                .param(NORDBYS).query(String.class).single());
        browser.open("/anmodninger/" + nordbysId);
        assertThat(browser.title()).startsWith("Siden findes ikke");
        assertNothingOfNordby("Nordby's request's address");

        browser.login("sofie");
        browser.open("/anmodninger");
        assertThat(browser.text(By.className("request-table"))).contains(title);
    }

    /**
     * Every link of the page's part that leads to a page of ours opens for the user: none to a refusal or to a page not
     * found (the files and the report are downloads, which SharedExpertsAttackTest opens).
     */
    private void assertEveryLinkOpens(String user, String links) {
        List<String> paths = browser.findAll(By.cssSelector(links)).stream().map(link -> link.getAttribute("href"))
                .filter(href -> href != null && href.startsWith("http://localhost:" + port + "/"))
                .map(href -> href.replaceFirst("^http://[^/]+", "").replaceFirst("#.*$", ""))
                .filter(path -> !path.endsWith(".pdf") && !path.contains("/bilag/")).distinct().toList();
        assertThat(paths).as("links of %s", links).isNotEmpty();
        for (String path : paths) {
            browser.open(path);
            assertThat(browser.title()).as("%s's link to %s", user, path).doesNotStartWith("Ingen adgang")
                    .doesNotStartWith("Siden findes ikke");
        }
    }

    private void assertNothingOfNordby(String where) {
        assertThat(browser.mainText()).as(where).doesNotContain(NORDBYS, "Tidsbestilling i Borgerservice", "Nordby");
    }

    /** Form answers that bring every area into the proposed scope (personal data, hosting, integrations). */
    private void fillRequestForm(String title) {
        browser.type("field-title", title);
        // The system of Nordby's "Tidsbestilling i Borgerservice", like the one in Nordby's register: Sydby's duplicate
        // check must find neither.
        browser.type("field-systemName", "BookPlus Borger");
        browser.type("field-vendor", "Eksempel Software A/S");
        browser.type("field-need", "Hjemmeplejen skal registrere udlevering af medicin elektronisk i stedet for på papir.");
        browser.type("field-department", "Hjemmeplejen");
        browser.type("field-oneOffCostDkk", "300.000");
        browser.type("field-annualCostDkk", "75.000");
        browser.type("field-contractYears", "4");
        browser.type("field-expectedUsers", "150");
        browser.choose("personalDataCategories", "CPR");
        browser.choose("personalDataCategories", "SENSITIVE");
        browser.choose("hosting", "CLOUD_OUTSIDE_EU");
        browser.type("field-transferBasis", "EU-Kommissionens standardkontraktbestemmelser");
        browser.choose("hasIntegrations", "true");
        browser.type("field-integrations", "Omsorgssystemet, Fælles Medicinkort");
        browser.setDate("field-desiredStartDate", "2030-03-01");
        RequestFormFacts.fillFundingAndBenefits(browser);
    }

    /** Takes the open task and approves with every checklist question answered. */
    private void screen(String expert) {
        browser.submit("/tag");
        ScreeningForm.answerEveryQuestion(browser);
        browser.choose("verdict", "APPROVED");
        browser.submit("/opgaver/" + taskIdInPath());
        assertThat(browser.text(By.cssSelector("main .notice-success"))).as("%s's screening was saved", expert)
                .startsWith("Din vurdering af");
    }

    /** The inbox's search by this test's title (a reference can be two municipalities'), waiting for async steps. */
    private void openTask(String title, String type) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            browser.open("/opgaver?type=" + type + "&q=" + title.replace(" ", "+"));
            if (!browser.findAll(row(title)).isEmpty()) {
                browser.find(row(title)).findElement(By.tagName("a")).click();
                return;
            }
            assertThat(Instant.now()).as("the %s task of %s appears", type, title).isBefore(giveUp);
            sleep();
        }
    }

    /** Searches the inbox for the title until a row of it starts with the municipality's name. */
    private void awaitRow(String title, String municipality) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            browser.open("/opgaver?q=" + title.replace(" ", "+"));
            if (browser.findAll(row(title)).stream().anyMatch(found -> found.getText().startsWith(municipality))) {
                return;
            }
            assertThat(Instant.now()).as("a task of %s in %s's inbox", title, municipality).isBefore(giveUp);
            sleep();
        }
    }

    private static By row(String title) {
        return By.xpath("//table[@id='task-table-results']//tr[td[contains(., '" + title + "')]]");
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
