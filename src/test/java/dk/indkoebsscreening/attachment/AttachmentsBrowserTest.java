package dk.indkoebsscreening.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The documents' story in a real browser: the requester attaches the offer and the draft DPA in the form, the
 * security expert sees and opens them on the task page and attaches the signed DPA; a refused file says why.
 */
class AttachmentsBrowserTest extends BrowserTestBase {

    @Test
    void theOfferAndTheDpaTravelFromTheFormToTheExpertsTaskPage() throws IOException {
        Path folder = java.nio.file.Files.createDirectories(Path.of("target", "upload-files"));
        Path offer = java.nio.file.Files.write(folder.resolve("Tilbud Eksempel Byg.pdf"), Files.pdf("Tilbud"));
        Path draft = java.nio.file.Files.write(folder.resolve("Udkast databehandleraftale.docx"), Files.docx());
        Path program = java.nio.file.Files.write(folder.resolve("prisliste.pdf"), Files.exe());
        Path signed = java.nio.file.Files.write(folder.resolve("Databehandleraftale underskrevet.pdf"), Files.pdf("Underskrevet"));

        browser.login("anna");
        browser.open("/anmodninger/ny");
        fillRequestForm("Byggesag med bilag");
        browser.field("field-files").sendKeys(program.toAbsolutePath().toString());
        browser.submit();
        // The program posing as a PDF is refused at its field; nothing was submitted.
        assertThat(browser.text(By.className("error-summary"))).contains("Filen »prisliste.pdf« kan ikke vedhæftes", "Vælg filerne igen");
        assertThat(browser.field("field-title").getAttribute("value")).isEqualTo("Byggesag med bilag");
        browser.assertAccessible();

        browser.field("field-files").sendKeys(offer.toAbsolutePath() + "\n" + draft.toAbsolutePath());
        browser.submit();
        assertThat(browser.path()).endsWith("/kvittering");
        String requestId = browser.path().split("/")[2];

        ApiClient api = new ApiClient(port);
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT"));
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();

        browser.login("sikkerhed");
        browser.open("/opgaver/" + task);
        WebElement files = browser.find(By.id("bilag"));
        assertThat(files.getText()).contains("Tilbud Eksempel Byg.pdf", "Udkast databehandleraftale.docx", "PDF", "Word",
                "Anmodningen: tilføjet af Anna Andersen");
        String offerLink = files.findElement(By.partialLinkText("Tilbud")).getAttribute("href");
        assertThat(api.download("sikkerhed", offerLink.substring(("http://localhost:" + port).length())).body())
                .isEqualTo(Files.pdf("Tilbud"));
        browser.assertAccessible();

        browser.find(By.id("file")).sendKeys(signed.toAbsolutePath().toString());
        browser.submit(By.cssSelector("form.upload"));
        assertThat(browser.text(By.className("notice-success"))).contains("Databehandleraftale underskrevet.pdf");
        assertThat(browser.text(By.id("bilag"))).contains("Sikkerhed og GDPR: tilføjet af Sara Sikkerhed");
        browser.assertAccessible();

        browser.login("anna");
        browser.open("/anmodninger/" + requestId);
        assertThat(browser.text(By.id("bilag"))).contains("Databehandleraftale underskrevet.pdf");
        assertThat(browser.findAll(By.cssSelector("#bilag form.upload"))).as("screening has begun: no upload for the requester").isEmpty();
        browser.assertAccessible();
    }

    private void fillRequestForm(String title) {
        browser.type("field-title", title);
        browser.type("field-systemName", "ByggeSag Online");
        browser.type("field-vendor", "Eksempel Byg A/S");
        browser.type("field-need", "Borgere skal kunne følge deres byggesag online.");
        browser.type("field-department", "Teknik og Miljø");
        browser.type("field-oneOffCostDkk", "250.000");
        browser.type("field-annualCostDkk", "48.500");
        browser.type("field-contractYears", "4");
        browser.type("field-expectedUsers", "40");
        browser.choose("personalDataCategories", "ORDINARY");
        browser.choose("hosting", "CLOUD_EU");
        browser.choose("hasIntegrations", "false");
        browser.setDate("field-desiredStartDate", "2030-03-01");
        RequestFormFacts.fillFundingAndBenefits(browser);
    }
}
