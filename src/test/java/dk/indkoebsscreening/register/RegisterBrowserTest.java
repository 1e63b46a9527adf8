package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The system register and the duplicate check in a real browser: a coordinator registers a system, a requester
 * typing a spelling variant of it is shown the match and says why it does not cover the need, and the coordinator
 * sees match, answer and the proposed fast-track scope at triage, changes the scope only with a reason, and the
 * areas left out are shown as not relevant.
 */
class RegisterBrowserTest extends BrowserTestBase {

    @Test
    void aRegisteredSystemIsShownToTheRequesterAndTheCoordinatorWhoNarrowsTheScope() {
        String tag = UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "k");
        String system = "Borgerbooking Plus " + tag;

        browser.login(Lifecycle.COORDINATOR);
        browser.open("/systemer/ny");
        browser.type("field-name", system);
        browser.type("field-vendor", "Eksempel Software A/S");
        browser.type("field-department", "Borgerservice");
        browser.type("field-contractValueDkk", "120.000");
        browser.submit();
        assertThat(browser.text(By.className("notice-success"))).isEqualTo(system + " er tilføjet til systemoversigten.");
        assertThat(browser.mainText()).contains("120.000 kr.", "Tilføjet af en koordinator");
        browser.assertAccessible();

        browser.login("anna");
        browser.open("/systemer?q=" + "borgerbooking");
        assertThat(browser.text(By.id("systems"))).contains(system, "Eksempel Software A/S");
        assertThat(browser.findAll(By.cssSelector("a[href$='/systemer/ny']"))).as("only coordinators add").isEmpty();
        assertThat(browser.findAll(By.cssSelector("form[action$='/systemer/import']"))).isEmpty();
        browser.assertAccessible();

        browser.open("/anmodninger/ny");
        assertThat(browser.field("existing-system-note").isDisplayed()).as("no note field before a match").isFalse();
        browser.type("field-title", "Tidsbestilling til lokaler " + tag);
        browser.type("field-systemName", "Borger-booking plus " + tag);
        browser.type("field-vendor", "Eksempel Software");
        browser.awaitText(By.id("duplicates"), system);
        assertThat(browser.text(By.id("duplicates"))).contains("Har kommunen allerede noget lignende?", "I systemoversigten:");
        assertThat(browser.field("existing-system-note").isDisplayed()).isTrue();
        browser.type("field-existingSystemNote", "Den eksisterende løsning dækker kun Borgerservice, ikke mødelokaler.");
        browser.type("field-need", "Medarbejdere skal kunne booke mødelokaler.");
        RequestFormFacts.fillSmallPurchase(browser);
        // Ordinary personal data takes it off the fast track, which would skip triage.
        browser.choose("personalDataCategories", "NONE");
        browser.choose("personalDataCategories", "ORDINARY");
        browser.assertAccessible();
        browser.submit();
        assertThat(browser.path()).endsWith("/kvittering");
        String requestId = browser.path().split("/")[2];

        String triage = new ApiClient(port).awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        browser.login(Lifecycle.COORDINATOR);
        browser.open("/opgaver/" + triage);
        assertThat(browser.text(By.id("similar"))).contains(system, "Den eksisterende løsning dækker kun Borgerservice");
        assertThat(browser.text(By.id("scope-areas")))
                .isEqualTo("Sikkerhed og GDPR, Brugerstyring, Support, Kontrakt, Installation, Implementering");
        assertThat(browser.findAll(By.id("scope-flags"))).as("no flag, not the fast track").isEmpty();
        assertThat(checked("areas")).containsExactly("SECURITY", "USER_MANAGEMENT", "SUPPORT", "CONTRACT", "INSTALLATION", "IMPLEMENTATION");
        browser.assertAccessible();

        browser.choose("outcome", "ACCEPT");
        browser.find(By.cssSelector("input[name='areas'][value='INSTALLATION']")).click();
        browser.submit(By.cssSelector("form[action$='/opgaver/" + triage + "']"));
        assertThat(browser.text(By.className("error-summary"))).contains("Skriv, hvorfor omfanget afviger fra forslaget.");
        assertThat(checked("areas")).as("the choice is kept").doesNotContain("INSTALLATION");
        browser.assertAccessible();

        browser.choose("outcome", "ACCEPT");
        browser.type("field-scopeReason", "Lokalebookingen er en ren webtjeneste: der er intet at installere.");
        browser.submit(By.cssSelector("form[action$='/opgaver/" + triage + "']"));
        assertThat(browser.text(By.className("notice-success"))).endsWith("er sendt til screening.");

        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("omfang"))).contains("Ændret af", "der er intet at installere");
        assertThat(browser.text(By.id("scope-areas"))).isEqualTo("Sikkerhed og GDPR, Brugerstyring, Support, Kontrakt, Implementering");
        assertThat(browser.text(By.id("areas"))).contains("Ikke relevant");
        browser.assertAccessible();
    }

    private List<String> checked(String name) {
        return browser.findAll(By.cssSelector("input[name='" + name + "']:checked")).stream()
                .map(input -> input.getAttribute("value")).toList();
    }
}
