package dk.indkoebsscreening.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The requester answers the survey on the request's page in a real browser, on a desktop and on a phone. */
class SatisfactionBrowserTest extends BrowserTestBase {

    @Autowired
    ChecklistProperties checklists;

    @Test
    void theRequesterAnswersOnTheRequestsPageAndIsThanked() {
        String id = new Lifecycle(new ApiClient(port), checklists).runToApproval("anna", "Tilfredshed i browseren " + UUID.randomUUID());

        browser.login("anna");
        browser.open("/anmodninger/" + id);
        assertThat(browser.text(By.id("satisfaction-title"))).isEqualTo("Hvor tilfreds er du med screeningen?");
        browser.assertAccessible();

        browser.submit(By.cssSelector("#tilfredshed form"));
        assertThat(browser.text(By.id("satisfaction-error"))).contains("Vælg hvor tilfreds du er, fra 1 til 5.");
        browser.assertAccessible();

        browser.find(By.cssSelector("label[for='satisfaction-score-4']")).click();
        browser.type("satisfaction-comment", "Gerne en tydeligere besked om, hvad der mangler.");
        browser.find(By.cssSelector("label[for='satisfaction-anonymous']")).click();
        browser.submit(By.cssSelector("#tilfredshed form"));
        assertThat(browser.text(By.className("notice-success"))).contains("Tak for dit svar");
        assertThat(browser.text(By.id("tilfredshed"))).contains("4 ud af 5", "Gerne en tydeligere besked om, hvad der mangler.");
        browser.assertAccessible();
    }
}
