package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Browser;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Mails;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The story of issue 30 in a real browser: the requester names the vendor's contact in the form; the security expert
 * invites them in English from the task page; the vendor opens the link from the mail, answers the security and support
 * questions in English and adds an ISAE 3402 report; and the expert sees the answers and the report beside the
 * checklist and takes one into the finding. Screenshots of the task page and the request page with the panel.
 */
class VendorQuestionnaireBrowserTest extends BrowserTestBase {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+(/leverandoer/adgang/[A-Za-z0-9_-]{43})");

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    ChecklistProperties checklists;

    @Test
    void theVendorAnswersInEnglishThroughTheLinkAndTheExpertTakesAnAnswerIntoTheFinding() throws Exception {
        String contact = "vera-" + UUID.randomUUID() + "@vendor.example";
        String title = "Online booking " + System.nanoTime() % 100_000;
        browser.login("anna");
        browser.open("/anmodninger/ny");
        browser.type("field-title", title);
        browser.type("field-systemName", "BookPlus");
        browser.type("field-vendor", "Example Software Ltd");
        browser.type("field-vendorContactName", "Vera Vendor");
        browser.type("field-vendorContactEmail", contact);
        browser.type("field-need", "Borgerne skal kunne booke tid online.");
        browser.type("field-department", "Borgerservice");
        browser.type("field-oneOffCostDkk", "85.000");
        browser.type("field-annualCostDkk", "60.000");
        browser.type("field-contractYears", "4");
        browser.type("field-expectedUsers", "25");
        browser.choose("personalDataCategories", "ORDINARY");
        browser.choose("hosting", "CLOUD_EU");
        browser.choose("hasIntegrations", "false");
        browser.setDate("field-desiredStartDate", "2030-03-01");
        RequestFormFacts.fillFundingAndBenefits(browser);
        browser.submit();
        assertThat(browser.path()).endsWith("/kvittering");
        String requestId = browser.path().split("/")[2];

        ApiClient api = new ApiClient(port);
        new Lifecycle(api, checklists).accept(requestId);
        String taskId = api.awaitTask(Lifecycle.expertFor(Area.SECURITY), requestId, "SCREENING").get("id").asText();
        browser.login(Lifecycle.expertFor(Area.SECURITY));
        browser.open("/opgaver/" + taskId);
        assertThat(browser.field("field-contactName").getAttribute("value")).isEqualTo("Vera Vendor");
        assertThat(browser.field("field-contactEmail").getAttribute("value")).isEqualTo(contact);
        browser.choose("language", "EN");
        browser.submit("/leverandoer/invitation");
        browser.awaitText(By.id("vendor-rounds"), "Spørgsmål sendt");
        assertThat(browser.text(By.id("vendor-rounds"))).contains("Sendt", "Vera Vendor", "på engelsk");

        String link = link(awaitInvitation(contact).text());
        try (Browser vendor = new Browser("http://localhost:" + port)) {
            vendor.open(link);
            vendor.awaitText(By.tagName("main"), "Open the questionnaire");
            vendor.find(By.id("vendor-open")).click();
            vendor.awaitText(By.tagName("main"), "Do you hold a valid ISO 27001 certificate");
            vendor.choose("iso27001", "YES");
            vendor.choose("transferOutsideEu", "NO");
            vendor.type(idOf("subProcessors"), "Hosted by Azure in the Netherlands (West Europe); sub-processors: Microsoft Ireland.");
            vendor.choose("danishSupportHours", "PARTLY");
            vendor.type(idOf("serviceLevel"), "Priority 1: response within 1 hour, resolution within 8 hours.");
            Path folder = Files.createDirectories(Path.of("target", "upload-files"));
            Path report = Files.write(folder.resolve("ISAE 3402 type 2 2025.pdf"),
                    dk.indkoebsscreening.testsupport.Files.pdf("ISAE 3402 type 2 report 2025"));
            vendor.field(idOf("fil.assuranceReport")).sendKeys(report.toAbsolutePath().toString());
            vendor.find(By.id("vendor-send")).click();
            vendor.awaitText(By.tagName("main"), "Send");
            vendor.find(By.id("vendor-submit")).click();
            vendor.awaitText(By.tagName("main"), "Your answers have been sent to the municipality.");
        }

        browser.open("/opgaver/" + taskId);
        assertThat(browser.text(By.id("vendor-answer-iso27001"))).contains("Leverandørens svar", "runde 1", "Ja");
        assertThat(browser.text(By.id("vendor-answer-assuranceReport"))).contains("ISAE 3402 type 2 2025.pdf");
        assertThat(browser.text(By.id("vendor-answer-subProcessors"))).contains("Azure in the Netherlands");
        assertThat(browser.text(By.id("vendor-rounds"))).contains("– besvaret");
        browser.assertAccessible();

        browser.find(By.id("vendor-use-iso27001")).click();
        browser.awaitText(By.cssSelector("main .notice-success"), "Leverandørens oplysning er tilføjet til dine bemærkninger");
        assertThat(browser.find(By.cssSelector("input[name='checklist.iso27001'][value='JA']")).isSelected())
                .as("the checklist's answer stays the expert's").isFalse();
        assertThat(browser.field("field-findings").getAttribute("value")).startsWith("Leverandøren oplyser (runde 1, ")
                .contains("ISO 27001").endsWith(": Ja");

        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("leverandoer"))).contains("Leverandørens svar – Sikkerhed og GDPR", "Azure in the Netherlands",
                "ISAE 3402 type 2 2025.pdf");
        browser.assertAccessible();
    }

    /** The vendor's form names a question's field by its id, as every form does. */
    private static String idOf(String field) {
        return "field-" + field.replace('.', '-');
    }

    private Mails.Mail awaitInvitation(String address) {
        Mails mails = new Mails(smtp);
        Eventually.until("the invitation to " + address, () -> mails.all().stream()
                .anyMatch(mail -> mail.to().equals(address) && mail.kind().equals("VENDOR_INVITATION")));
        List<Mails.Mail> found = mails.all().stream().filter(mail -> mail.to().equals(address)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The link's path: the browser opens it on the test's server, whatever public address the mail names. */
    private static String link(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in " + text).isTrue();
        return URI.create(link.group(0)).getPath();
    }
}
