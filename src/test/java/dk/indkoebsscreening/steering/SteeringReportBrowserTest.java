package dk.indkoebsscreening.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator preparing the quarterly meeting in a real browser, on a desktop and on a phone: the steering report from
 * the menu, a period of their own, and from "Overskredet frist" to the request behind it.
 */
class SteeringReportBrowserTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoordinatorChoosesThePeriodAndDrillsFromTheExceededDeadlineToTheRequest() {
        String title = "Forsinket i 2001 " + UUID.randomUUID();
        Map<String, Object> form = ApiClient.validRequest(title);
        form.put("purchaseFunding", "POOL");
        form.put("purchaseFundingName", "Digitaliseringspuljen");
        form.put("operationFunding", "DEPARTMENT");
        UUID id = UUID.fromString(new ApiClient(port).post("anna", "/api/requests", form).body().get("id").asText());
        jdbc.sql("""
                update purchase_request set submitted_at = '2001-05-07 10:00 Europe/Copenhagen', deadline = '2001-05-14 16:00 Europe/Copenhagen',
                       status = 'APPROVED' where id = ?""").param(id).update();
        jdbc.sql("""
                insert into decision (request_id, outcome, recommendation, reason, decided_by, decided_at)
                values (?, 'APPROVED', 'REJECTED', 'Løsningen er nødvendig for at overholde lovkravet.', 'koordinator',
                        '2001-05-21 10:00 Europe/Copenhagen')""").param(id).update();

        browser.login("koordinator");
        browser.find(By.linkText("Styringsrapport")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Styringsrapport: Nordby Kommune");
        browser.assertAccessible();

        new org.openqa.selenium.support.ui.Select(browser.field("periode")).selectByVisibleText("Selvvalgte datoer");
        browser.setDate("fra", "2001-04-01");
        browser.setDate("til", "2001-06-30");
        browser.submit(By.id("choose-period"));
        assertThat(browser.text(By.id("period-shown"))).startsWith("Tallene gælder 1. april 2001 – 30. juni 2001. Opgjort ");
        assertThat(browser.text(By.id("overrides"))).contains(title, "Løsningen er nødvendig for at overholde lovkravet.");
        browser.assertAccessible();

        browser.find(By.id("late-link")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overskredet frist (1)");
        assertThat(browser.text(By.id("figure-requests"))).contains(title);
        browser.assertAccessible();
        browser.find(By.partialLinkText(title)).click();
        assertThat(browser.path()).isEqualTo("/anmodninger/" + id);
    }

    @Test
    void aCoordinatorExemptsASystemBoughtAroundTheScreeningFromTheReport() {
        String name = "Gratis tegneprogram " + UUID.randomUUID().toString().substring(0, 8);
        new ApiClient(port).post("koordinator", "/api/register", Map.of("name", name, "vendor", "Eksempel Apps", "department", "Skoler"));

        browser.login("koordinator");
        // The report shows the figures it has at once and counts newer ones in the background.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open("/styring");
            assertThat(browser.text(By.id("unscreened-systems"))).contains(name, "Skoler", "Tilføjet af en koordinator");
        });
        browser.find(By.linkText(name)).click();
        assertThat(browser.text(By.id("unscreened"))).contains("uden en screening");
        browser.assertAccessible();

        browser.type("field-reason", "Gratis program uden persondata, brugt i billedkunst.");
        browser.submit(By.cssSelector("form[action$='/screening/undtag']"));
        assertThat(browser.text(By.id("exemption"))).contains("Undtaget fra screening: Gratis program uden persondata, brugt i billedkunst.");
        browser.assertAccessible();
        browser.open("/styring");
        assertThat(browser.text(By.id("recounting"))).as("the figures shown were counted before the exemption")
                .isEqualTo("Der er kommet ændringer til, siden tallene blev opgjort. De nye tal bliver opgjort nu. Opdater");
        browser.assertAccessible();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.find(By.linkText("Opdater")).click();
            assertThat(browser.findAll(By.linkText(name))).isEmpty();
        });
    }
}
