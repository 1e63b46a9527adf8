package dk.indkoebsscreening;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.RequesterWaits;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requester's page of a fast track that waited two working days for its requester during the screening and was
 * decided by the rule: the decision names the rule in words, the history says triage was skipped, where the deadline
 * moved and why, and that the rule decided.
 */
class FastTrackBrowserTest extends BrowserTestBase {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Autowired
    ChecklistProperties checklists;

    @Autowired
    RequesterWaits waits;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theRequesterReadsThatTheRuleDecidedAndWhyTheDeadlineMoved() {
        ApiClient api = new ApiClient(port);
        Lifecycle lifecycle = new Lifecycle(api, checklists);
        String requestId = submitScreenRecorder(api, "Skærmoptager til undervisningen");
        // A question during the screening (lane A's path), Monday to Wednesday: two working days.
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> waits.waitStarted(UUID.fromString(requestId),
                LocalDateTime.of(2026, 12, 7, 10, 0).atZone(COPENHAGEN).toInstant()));
        transaction.executeWithoutResult(status -> waits.waitEnded(UUID.fromString(requestId),
                LocalDateTime.of(2026, 12, 9, 10, 0).atZone(COPENHAGEN).toInstant()));
        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT)) {
            lifecycle.screen(requestId, area, lifecycle.approval(area));
        }
        Eventually.until("decided by the rule", () -> api.details("anna", requestId).get("status").asText().equals("APPROVED"));

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("decision"))).contains("Truffet automatisk den ",
                "da alle områder godkendte uden betingelser (hurtigt spor, fordi det er et lille køb uden personoplysninger");
        assertThat(browser.text(By.id("progress"))).as("triage was skipped, not done")
                .contains("Hurtigt spor – uden koordinatorens gennemgang").doesNotContain("Koordinatoren ser på den");
        assertThat(browser.mainText()).contains("Sendt direkte til eksperterne uden koordinatorens gennemgang og med kortere frist (hurtigt spor, fordi det er",
                "fordi anmodningen ventede på anmoderen i 2 arbejdsdage", "Godkendt automatisk, da alle områder godkendte uden betingelser",
                "Sikkerhed og GDPR: Ikke relevant (omfanget efter reglerne for hurtigt spor)");
        browser.assertAccessible();
    }

    /** A coordinator steps in from the request's page; afterwards the button is gone. */
    @Test
    void aCoordinatorStepsInFromTheRequestsPage() {
        String requestId = submitScreenRecorder(new ApiClient(port), "Skærmoptager, koordinatoren træder ind");

        browser.login(Lifecycle.COORDINATOR);
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("step-in"))).contains("Afgøres automatisk");
        assertThat(browser.text(By.id("progress"))).contains("Hurtigt spor – uden koordinatorens gennemgang")
                .doesNotContain("Koordinatoren ser på den");
        browser.assertAccessible();
        browser.submit("/hurtigt-spor/traed-ind");
        assertThat(browser.path()).isEqualTo("/anmodninger/" + requestId);
        assertThat(browser.mainText()).contains("Koordinatorerne træffer afgørelsen om IND-");
        assertThat(browser.findAll(By.id("step-in"))).isEmpty();
    }

    private static String submitScreenRecorder(ApiClient api, String title) {
        Map<String, Object> form = ApiClient.validRequest(title);
        form.put("systemName", "ScreenRec");
        form.put("oneOffCostDkk", 0);
        form.put("annualCostDkk", 9600);
        form.put("contractYears", 1);
        form.put("personalDataCategories", List.of("NONE"));
        form.remove("integrations");
        return api.post("anna", "/api/requests", form).body().get("id").asText();
    }
}
