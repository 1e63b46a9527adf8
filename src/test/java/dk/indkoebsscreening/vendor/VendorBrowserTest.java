package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The vendor's pages in a browser, in English as invited: the landing page, the questionnaire with an ISAE 3402 report,
 * the file's removal page, the confirmation, the answers sent, and a refused link; each accessible and readable at
 * 1280, 640 and 390 px (screenshots in target/screenshots).
 */
class VendorBrowserTest extends BrowserTestBase {

    @Autowired
    VendorInvitations invitations;
    @Autowired
    VendorLinks links;

    @Test
    void aVendorAnswersInEnglishWithAnIsaeReportAndSendsTheAnswers() throws Exception {
        String requestId = new ApiClient(port).submit("anna", "Booking system for the citizens' service").get("id").asText();
        VendorInvitation invitation = invitations.invite(UUID.fromString(requestId),
                new Invite("Lise Vendor", "lise@vendor.example", VendorLanguage.EN, List.of()), "koordinator");
        String link = links.mint(invitation.id());
        String landing = link.substring(link.indexOf(VendorLinks.PATH));

        browser.open(landing);
        assertThat(browser.mainText()).contains("Questionnaire for the vendor", "Open the questionnaire");
        browser.assertAccessible();
        browser.submit();

        assertThat(browser.path()).isEqualTo(VendorSessions.QUESTIONNAIRE);
        assertThat(browser.mainText()).contains("Booking system for the citizens' service", "Security and GDPR",
                "Please upload your latest independent auditor's report");
        browser.choose("iso27001", "YES");
        browser.type("field-subProcessors", "Hosted in Denmark (Aarhus data centre).\nSub-processors: none.");
        Path report = java.nio.file.Files.write(Path.of("target", "isae3402-type2.pdf"), Files.pdf("ISAE 3402 type 2"));
        browser.field("field-fil-assuranceReport").sendKeys(report.toAbsolutePath().toString());
        browser.assertAccessible();
        click("vendor-save", "Your answers have been saved");
        assertThat(browser.mainText()).contains("isae3402-type2.pdf");
        browser.assertAccessible();

        browser.find(By.cssSelector(".vendor-files a")).click();
        browser.awaitText(By.tagName("main"), "Do you want to remove the file?");
        assertThat(browser.mainText()).contains("isae3402-type2.pdf");
        browser.assertAccessible();
        browser.find(By.linkText("No, keep the file")).click();
        browser.awaitText(By.tagName("h1"), "Questions for the vendor");

        browser.find(By.id("vendor-language")).click();
        browser.awaitText(By.tagName("h1"), "Spørgsmål til leverandøren");
        browser.find(By.id("vendor-language")).click();
        browser.awaitText(By.tagName("h1"), "Questions for the vendor");

        click("vendor-send", "Do you want to send your answers?");
        assertThat(browser.mainText()).contains("questions are not answered");
        browser.assertAccessible();
        browser.submit();
        assertThat(browser.mainText()).contains("Your answers have been sent to the municipality.", "They were sent on", "Hosted in Denmark", "isae3402-type2.pdf");
        assertThat(browser.findAll(By.id("vendor-form"))).isEmpty();
        browser.assertAccessible();

        browser.open(VendorLinks.PATH + "notAtokenOfOursXXXXXXXXXXXXXXXXXXXXXXXXXXX");
        assertThat(browser.mainText()).contains("Linket virker ikke", "The link does not work");
        browser.assertAccessible();
    }

    /** Presses a button that is not its form's first, and waits for the page it leads to. */
    private void click(String buttonId, String nextPageSays) {
        browser.find(By.id(buttonId)).click();
        browser.awaitText(By.tagName("main"), nextPageSays);
    }
}
