package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The story of issue 29 in Chromium: the coordinator asks at triage, the requester answers, the security expert reads
 * the answer on their own task page and asks their own question, saves a draft, the requester answers, and the expert
 * completes. Each page is checked with axe and at 1280, 640 and 390 px (screenshots in target/screenshots).
 */
class ExpertQuestionBrowserTest extends BrowserTestBase {

    @Autowired
    ChecklistProperties checklists;

    @Test
    void theSecurityExpertReadsTheRequestersAnswersAndAsksTheirOwnQuestion() {
        ApiClient api = new ApiClient(port);
        String requestId = api.submit("anna", "Hjemmeplejens ruteplan").get("id").asText();

        browser.login(Lifecycle.COORDINATOR);
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        browser.open("/opgaver/" + triage);
        browser.choose("outcome", "NEED_MORE_INFORMATION");
        browser.type("field-comment", "Hvor ligger data?");
        browser.submit("/opgaver/" + triage);

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        browser.type("field-answer", "Data ligger i Azure East US.");
        browser.submit("/svar");

        browser.login(Lifecycle.COORDINATOR);
        String again = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        browser.open("/opgaver/" + again);
        assertThat(browser.text(By.id("questions"))).contains("Data ligger i Azure East US.");
        browser.choose("outcome", "ACCEPT");
        browser.submit("/opgaver/" + again);

        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        browser.login("sikkerhed");
        browser.open("/opgaver");
        browser.assertAccessible();
        browser.open("/opgaver/" + task);
        assertThat(browser.text(By.id("questions"))).contains("Spurgt af Karen Koordinator (koordinator)", "Hvor ligger data?",
                "Data ligger i Azure East US.");
        browser.type("field-question", "Hvilket land står backuppen i?");
        browser.submit("/spoerg");
        assertThat(browser.text(By.className("notice-success"))).startsWith("Dit spørgsmål er sendt til anmoderen.");
        assertThat(browser.text(By.id("questions"))).contains("Hvilket land står backuppen i?", "Ikke besvaret endnu");
        browser.type("field-findings", "Mangler svar om backup.");
        browser.find(By.cssSelector("button[formaction$='/kladde']")).click();
        browser.awaitText(By.className("notice-success"), "Din kladde er gemt.");
        browser.assertAccessible();

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("expert-questions"))).contains("Hvilket land står backuppen i?", "Svar venligst senest");
        browser.assertAccessible();
        browser.find(By.cssSelector("#expert-questions textarea")).sendKeys("I Frankfurt.");
        browser.submit(By.cssSelector("#expert-questions form"));
        assertThat(browser.text(By.className("notice-success"))).isEqualTo("Dit svar er sendt til eksperten.");

        browser.login("sikkerhed");
        browser.open("/opgaver/" + task);
        assertThat(browser.text(By.id("questions"))).contains("I Frankfurt.", "Svaret af Anna Andersen");
        assertThat(browser.field("field-findings").getAttribute("value")).isEqualTo("Mangler svar om backup.");
        browser.assertAccessible();

        Lifecycle lifecycle = new Lifecycle(api, checklists);
        lifecycle.screen(requestId, Area.SECURITY, lifecycle.approval(Area.SECURITY));
        assertThat(api.tasks("sikkerhed")).noneMatch(open -> open.get("id").asText().equals(task));
    }
}
