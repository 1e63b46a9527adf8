package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Mails;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A requester's story in a real browser: half a form saved as a draft, found under "Mine anmodninger", continued and
 * sent; the receipt page and the receipt mail; the request's page starting with its sentence; a wrong file removed and a
 * second draft deleted, each after a page that asks first. Each page is checked for accessibility and layout, with screenshots at 1280 and 390 px.
 */
class RequesterStoryBrowserTest extends BrowserTestBase {

    @Autowired
    EmbeddedSmtpServer smtp;

    @Test
    void aDraftBecomesARequestTheRequesterCanFollow() throws Exception {
        String title = "Skærmoptager til undervisning " + System.nanoTime() % 100_000;
        browser.login("bent");
        browser.open("/anmodninger/ny");
        browser.type("field-title", title);
        browser.type("field-systemName", "OptagPro");
        browser.type("field-oneOffCostDkk", "cirka 9.600");
        browser.find(By.id("save-draft")).click();
        browser.awaitText(By.tagName("h1"), "Mine anmodninger");
        assertThat(browser.text(By.cssSelector("main .notice-success"))).contains("Kladden »" + title + "« er gemt");
        assertThat(browser.text(By.id("drafts"))).contains(title, "Fortsæt", "Slet kladde");
        browser.assertAccessible();

        browser.find(By.cssSelector("#drafts a.button")).click();
        browser.awaitText(By.tagName("h1"), "Ny anmodning");
        assertThat(browser.field("field-title").getAttribute("value")).isEqualTo(title);
        assertThat(browser.field("field-oneOffCostDkk").getAttribute("value")).isEqualTo("cirka 9.600");
        browser.assertAccessible();
        browser.type("field-vendor", "Eksempel ApS");
        browser.type("field-need", "Lærerne optager korte videoer til eleverne.");
        RequestFormFacts.fillSmallPurchase(browser);
        browser.type("field-oneOffCostDkk", "9.600");
        Path folder = Files.createDirectories(Path.of("target", "upload-files"));
        Path offer = Files.write(folder.resolve("Forkert tilbud.pdf"), dk.indkoebsscreening.testsupport.Files.pdf("Forkert tilbud"));
        browser.field("field-files").sendKeys(offer.toAbsolutePath().toString());
        browser.submit();

        assertThat(browser.path()).endsWith("/kvittering");
        String reference = browser.text(By.id("reference"));
        browser.assertAccessible();
        Mails.Mail receipt = new Mails(smtp).awaitOne(reference, "RECEIVED", "bent@demo.kommune.dk");
        assertThat(receipt.text()).contains("Forventet afgørelse senest", "Se din anmodning");

        browser.find(By.cssSelector("main .actions a.button")).click();
        browser.awaitText(By.tagName("h1"), title);
        assertThat(browser.text(By.id("standing-sentence"))).as("a small purchase without personal data: the fast track")
                .startsWith("Købet går ad det hurtige spor: eksperterne vurderer det nu");
        assertThat(browser.text(By.id("dates"))).contains("Indsendt", "Forventet afgørelse senest", "Ønsket starttidspunkt");
        assertThat(browser.mainText()).doesNotContain("ScreeningScope", "Triagér");
        browser.assertAccessible();

        // The wrong offer goes again, after the page that asks first; "Nej" would have led back.
        browser.find(By.cssSelector("#bilag a.remove-link")).click();
        browser.awaitText(By.tagName("h1"), "Vil du fjerne filen?");
        assertThat(browser.text(By.id("file-to-remove"))).contains("Forkert tilbud.pdf");
        assertThat(browser.find(By.cssSelector("main form button")).getAttribute("class")).contains("button-danger");
        browser.assertAccessible();
        browser.submit(By.cssSelector("main form"));
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Filen er fjernet.");
        assertThat(browser.text(By.id("bilag"))).contains("fjernet af Bent Bertelsen");

        // A second draft, not wanted after all: deleted after the page that asks first.
        browser.open("/anmodninger/ny");
        browser.type("field-title", "Ikke alligevel");
        browser.find(By.id("save-draft")).click();
        browser.awaitText(By.tagName("h1"), "Mine anmodninger");
        browser.find(By.cssSelector("#drafts a:not(.button)")).click();
        browser.awaitText(By.tagName("h1"), "Vil du slette kladden?");
        assertThat(browser.text(By.id("draft-to-delete"))).contains("Ikke alligevel");
        browser.assertAccessible();
        browser.submit(By.cssSelector("main form"));
        assertThat(browser.text(By.cssSelector("main .notice-success"))).isEqualTo("Kladden »Ikke alligevel« er slettet.");
        assertThat(browser.mainText()).contains(reference);
        assertThat(browser.findAll(By.id("drafts"))).as("the draft became the request")
                .noneMatch(drafts -> drafts.getText().contains(title));

        Path html = Files.createDirectories(Path.of("target", "mails")).resolve("received.html");
        Files.writeString(html, receipt.html());
        browser.openFile(html);
        assertThat(browser.text(By.tagName("body"))).contains("Kære Bent Bertelsen,", "Forventet afgørelse senest");
        browser.assertReadableAtEveryWidth();
    }
}
