package dk.indkoebsscreening.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The requester withdraws a request in a real browser, from the page that asks first: a reason too long is said at its field and withdraws
 * nothing; then the request is "Trukket tilbage", the form is gone, and the coordinators' triage task with it.
 */
class WithdrawalBrowserTest extends BrowserTestBase {

    @Test
    void theRequesterWithdrawsARequestThatIsNoLongerNeeded() {
        ApiClient api = new ApiClient(port);
        String requestId = api.submit("anna", "Skemaplanlægning, ikke længere aktuel").get("id").asText();
        api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE");

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        browser.find(By.id("withdraw-start")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Vil du trække anmodningen tilbage?");
        browser.assertAccessible();
        browser.type("field-reason", "x".repeat(2001));
        browser.submit(By.cssSelector("form[action$='/traek-tilbage']"));
        assertThat(browser.text(By.className("error-summary"))).contains("højst");
        assertThat(browser.text(By.tagName("h1"))).as("said where the reason is").isEqualTo("Vil du trække anmodningen tilbage?");
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("IN_TRIAGE");
        browser.assertAccessible();

        browser.type("field-reason", "Skolen har fået et skemasystem gennem kommunens fælles aftale.");
        browser.submit(By.cssSelector("form[action$='/traek-tilbage']"));
        assertThat(browser.text(By.className("notice-success"))).endsWith("er trukket tilbage.");
        assertThat(browser.text(By.id("status"))).isEqualTo("Trukket tilbage");
        assertThat(browser.text(By.id("standing-sentence"))).contains("Der sker ikke mere med den");
        assertThat(browser.findAll(By.id("withdraw"))).as("nothing more to withdraw").isEmpty();
        assertThat(browser.text(By.id("historik"))).contains("Trukket tilbage af Anna Andersen",
                "Skolen har fået et skemasystem");
        browser.assertAccessible();

        assertThat(api.tasks(Lifecycle.COORDINATOR)).noneMatch(task -> task.get("requestId").asText().equals(requestId));
    }
}
