package dk.indkoebsscreening.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.BrowserTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Supervision of data processors in a real browser: the security group adds a processor from the system's page (a
 * wrong entry named at its field, in Danish), a processor already due gets its task at once, the security group records
 * the supervision on the task page and the system's page shows it with the next date; the coordinators' dashboard lists
 * the supervisions due. Every page at 1280, 640 and 390 px with axe.
 */
class SupervisionBrowserTest extends BrowserTestBase {

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    }

    @Test
    void theSecurityGroupAddsAProcessorAndRecordsItsSupervisionOnItsDate() throws java.io.IOException {
        ApiClient api = new ApiClient(port);
        String system = "Hjemmeplejeplan " + UUID.randomUUID().toString().substring(0, 4);
        String systemId = api.post(Lifecycle.COORDINATOR, "/api/register",
                Map.of("name", system, "vendor", "Omsorgsdata A/S", "personalData", "CPR")).body().get("id").asText();

        browser.login("sikkerhed");
        browser.open("/systemer/" + systemId);
        browser.find(By.id("processors-link")).click();
        assertThat(browser.path()).isEqualTo("/systemer/" + systemId + "/databehandlere");
        assertThat(browser.text(By.id("no-processors"))).isEqualTo("Der er ikke registreret nogen databehandlere for systemet.");
        browser.assertAccessible();

        browser.type("field-name", "Driftscenter Nord A/S");
        browser.type("field-cvr", "1234");
        browser.type("field-intervalMonths", "tolv");
        browser.submit(By.cssSelector("form[action$='/databehandlere']"));
        assertThat(browser.text(By.className("error-summary"))).contains("Et CVR-nummer er 8 cifre, fx 12345678.",
                "Skriv, hvad databehandleren behandler for kommunen.", "Vælg, hvordan der føres tilsyn.",
                "Skriv datoen for næste tilsyn.");
        assertThat(browser.field("field-name").getAttribute("value")).as("what was typed is kept").isEqualTo("Driftscenter Nord A/S");
        browser.assertAccessible();

        browser.type("field-cvr", "12345678");
        browser.type("field-processing", "Drift og hosting af hjemmeplejens planlægning, herunder CPR-numre og helbredsoplysninger.");
        browser.choose("method", "ISAE_3402_TYPE_2");
        browser.type("field-intervalMonths", "12");
        browser.setDate("field-nextDue", today().plusDays(20).toString());
        browser.submit(By.cssSelector("form[action$='/databehandlere']"));
        assertThat(browser.text(By.className("notice-success"))).isEqualTo("Driftscenter Nord A/S er tilføjet som databehandler.");
        assertThat(browser.mainText()).contains("ISAE 3402-erklæring, type 2", "12 måneder");

        // A processor whose supervision is already due: its timer fires at once and the security group gets the task.
        Map<String, Object> due = new java.util.LinkedHashMap<>();
        due.put("name", "Backup Syd ApS");
        due.put("processing", "Sikkerhedskopier af databasen");
        due.put("method", "WRITTEN_INSPECTION");
        due.put("intervalMonths", 24);
        due.put("nextDue", today().minusDays(3).toString());
        api.post(Lifecycle.COORDINATOR, "/api/systems/" + systemId + "/processors", due);
        browser.open("/systemer/" + systemId + "/databehandlere");
        assertThat(browser.mainText()).contains("Backup Syd ApS", "Overskredet");
        browser.assertAccessible();

        JsonNode task = Eventually.await("the supervision task", () -> api.tasks("sikkerhed").stream()
                .filter(candidate -> systemId.equals(candidate.path("subjectId").asText()))
                .filter(candidate -> "SUPERVISION".equals(candidate.get("type").asText())).findFirst());
        browser.open("/opgaver/" + task.get("id").asText());
        assertThat(browser.text(By.id("processor"))).contains("Tilsyn med Backup Syd ApS", "Skriftligt tilsyn", "24 måneder");
        browser.assertAccessible();
        browser.choose("result", "REMARKS");
        browser.type("field-evidence", "Skriftligt tilsyn med spørgeskema og logudtræk for 2026; to bemærkninger om adgangslog.");
        browser.submit(By.cssSelector("form[action$='/opgaver/" + task.get("id").asText() + "']"));
        assertThat(browser.text(By.className("notice-success"))).isEqualTo(
                "Tilsynet med en databehandler for " + system + " er registreret: Bemærkninger.");

        browser.open("/systemer/" + systemId + "/databehandlere");
        assertThat(browser.mainText()).contains("Backup Syd ApS, ", "Bemærkninger", "to bemærkninger om adgangslog");
        assertThat(browser.mainText()).doesNotContain("Overskredet");
        browser.assertAccessible();

        // KITOS's oversight, uploaded on the page: the registered processor gets KITOS's interval and planned date.
        java.nio.file.Path export = java.nio.file.Files.createTempFile("Databehandling", ".csv");
        java.nio.file.Files.writeString(export, "IT Systemer;Databehandlere;Tilsynsinterval;Kommende planlagt tilsyn\n" + system
                + ";Driftscenter Nord A/S, Ukendt Hosting ApS;Årligt;"
                + today().plusDays(40).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + "\n");
        browser.field("file").sendKeys(export.toString());
        browser.submit(By.cssSelector("form[action$='/kitos-import']"));
        assertThat(browser.text(By.className("notice-success"))).contains("1 databehandler har fået nyt interval eller ny dato",
                "Ukendt Hosting ApS (" + system + ")");
        browser.assertAccessible();

        browser.login(Lifecycle.COORDINATOR);
        browser.open("/overblik");
        assertThat(browser.text(By.id("supervisions"))).contains("Driftscenter Nord A/S for " + system);
        browser.assertAccessible();
    }
}
