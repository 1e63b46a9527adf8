package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A system's contract and renewal in a real browser, read at 1280 px, 200 % and 390 px: the coordinator enters the
 * contract and owner on the system's page (a wrong date is named at its field), the dashboard lists the renewal due,
 * the renewal task links to the system, and the re-screening form comes filled from the earlier request.
 */
class RenewalBrowserTest extends BrowserTestBase {

    @Test
    void theCoordinatorEntersTheContractAndFollowsTheRenewal() {
        String name = "Skemaplan " + UUID.randomUUID().toString().substring(0, 4);
        LocalDate today = LocalDate.now();

        browser.login(Lifecycle.COORDINATOR);
        browser.open("/systemer/ny");
        browser.type("field-name", name);
        browser.type("field-vendor", "Skemaværk A/S");
        browser.setDate("field-contractStart", today.minusYears(3).toString());
        browser.setDate("field-contractEnd", today.minusYears(4).toString());
        browser.type("field-noticeMonths", "3");
        browser.type("field-owner", "anna");
        browser.submit(By.cssSelector("form[action$='/systemer/ny']"));
        assertThat(browser.text(By.className("error-summary"))).contains("Kontraktens slutdato skal ligge efter dens startdato.");
        browser.assertAccessible();

        browser.setDate("field-contractEnd", today.plusMonths(5).toString());
        browser.submit(By.cssSelector("form[action$='/systemer/ny']"));
        assertThat(browser.text(By.className("notice-success"))).contains(name);
        assertThat(browser.text(By.id("owner"))).startsWith("Anna");
        assertThat(browser.find(By.id("notice-deadline")).getText()).contains("3 måneders varsel");
        assertThat(browser.findAll(By.cssSelector("#rescreen a[href*='/anmodninger/ny?system=']"))).hasSize(1);
        browser.assertAccessible();
        String systemId = browser.path().split("/")[2];

        browser.open("/overblik");
        assertThat(browser.text(By.id("renewals"))).contains(name);
        browser.assertAccessible();

        ApiClient api = new ApiClient(port);
        String taskId = Eventually.await("the renewal task", () -> api.tasks(Lifecycle.COORDINATOR).stream()
                .filter(task -> systemId.equals(task.path("subjectId").asText())).findFirst().map(task -> task.get("id").asText()));
        browser.open("/opgaver");
        assertThat(browser.text(By.id("tasks-RENEWAL"))).contains("Fornyelse af kontrakt");
        browser.open("/opgaver/" + taskId);
        assertThat(browser.find(By.id("subject-link")).getAttribute("href")).endsWith("/systemer/" + systemId);
        browser.choose("choice", "RENEW");
        browser.submit(By.cssSelector("form[action$='/opgaver/" + taskId + "']"));
        assertThat(browser.text(By.className("error-summary"))).contains("Skriv, hvorfor kontrakten kan fornyes uden en ny screening.");
        browser.assertAccessible();

        JsonNode earlier = api.submit("anna", "Skemaplan til genscreening " + name);
        browser.open("/anmodninger/ny?tidligere=" + earlier.get("id").asText());
        assertThat(browser.text(By.id("rescreening-of"))).contains(earlier.get("reference").asText());
        assertThat(browser.field("field-need").getAttribute("value")).isEqualTo(ApiClient.validRequest("x").get("need"));
        browser.assertAccessible();
    }
}
