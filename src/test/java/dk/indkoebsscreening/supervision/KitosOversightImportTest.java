package dk.indkoebsscreening.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.SupervisionProcess;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * KITOS's overview of data processing registrations, exported from its grid, fills the interval and the next date of the
 * processors registered here (and re-times their supervision); only coordinators and the security group import it, and a
 * bad file changes nothing.
 */
class KitosOversightImportTest extends ApiTestBase {

    private static final String PATH = "/api/systems/processors/kitos-import";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] HEADERS = {"Databehandling", "IT Systemer", "IT Systemer (UUID)", "Databehandlere",
            "Underdatabehandlere", "Tilsynsinterval", "Tilsynsmuligheder", "Gennemført tilsyn", "Kommende planlagt tilsyn",
            "Seneste tilsyn"};
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private static LocalDate today() {
        return LocalDate.now(COPENHAGEN);
    }

    private String system(String name, UUID kitosUuid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("personalData", "CPR");
        body.put("kitosUuid", kitosUuid == null ? null : kitosUuid.toString());
        return api.post(Lifecycle.COORDINATOR, "/api/register", body).body().get("id").asText();
    }

    private String processor(String systemId, String name, int intervalMonths, LocalDate nextDue) {
        return api.post(Lifecycle.COORDINATOR, "/api/systems/" + systemId + "/processors", Map.of("name", name,
                "processing", "Drift", "method", "SOC_2", "intervalMonths", intervalMonths, "nextDue", nextDue.toString()))
                .body().get("id").asText();
    }

    private JsonNode processorOf(String systemId, String processorId) {
        return api.get("anna", "/api/systems/" + systemId + "/processors/" + processorId).body();
    }

    private static byte[] xlsx(String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Databehandling");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private ApiClient.RawResponse upload(String user, String name, String type, byte[] content) {
        Files.Multipart file = Files.file(name, type, content);
        return api.upload(user, PATH, file.contentType(), file.body());
    }

    private String nextTimer(String processorId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY)
                .variableValueEquals(SupervisionProcess.PROCESSOR_ID, processorId).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).timers().singleResult().getDuedate().toInstant().toString();
    }

    @Test
    void theOversightOfKitosFillsTheIntervalAndTheNextDateOfTheRegisteredProcessors() throws IOException {
        UUID kitosUuid = UUID.randomUUID();
        String name = "Hjemmeplejeplan " + UUID.randomUUID().toString().substring(0, 6);
        String systemId = system(name, kitosUuid);
        String main = processor(systemId, "Driftscenter Nord A/S", 24, today().plusDays(100));
        String sub = processor(systemId, "Backup ApS", 6, today().plusDays(200));
        LocalDate planned = today().plusDays(30);

        ApiClient.RawResponse imported = upload("sikkerhed", "Databehandling.xlsx", XLSX, xlsx(HEADERS,
                new String[] {"Hjemmepleje", name, kitosUuid.toString(), "Driftscenter Nord A/S, Ukendt Hosting ApS", "Backup ApS",
                        "Årligt", "Revisionserklæring", "Ja", planned.format(DANISH), ""}));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode result = json.readTree(imported.body());
        assertThat(result.get("updated").asInt()).isEqualTo(2);
        assertThat(result.get("notFound").get(0).asText()).isEqualTo("Ukendt Hosting ApS (" + name + ")");
        for (String processorId : List.of(main, sub)) {
            assertThat(processorOf(systemId, processorId).get("intervalMonths").asInt()).isEqualTo(12);
            assertThat(processorOf(systemId, processorId).get("nextDue").asText()).isEqualTo(planned.toString());
        }
        assertThat(nextTimer(main)).as("the supervision is re-timed")
                .isEqualTo(planned.atTime(8, 0).atZone(COPENHAGEN).toInstant().toString());

        // A CSV by the system's name, with only the latest oversight: the next one is the interval on from it.
        String csv = "IT Systemer;Databehandlere;Tilsynsinterval;Seneste tilsyn\n" + name + ";Backup ApS;Hver andet år;"
                + today().minusMonths(1).format(DANISH) + "\n";
        ApiClient.RawResponse byName = upload(Lifecycle.COORDINATOR, "Databehandling.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        assertThat(processorOf(systemId, sub).get("intervalMonths").asInt()).isEqualTo(24);
        assertThat(processorOf(systemId, sub).get("nextDue").asText()).isEqualTo(today().minusMonths(1).plusMonths(24).toString());
    }

    /** The saved message travels in the session: it names ten processors KITOS has and the register has not, and counts the rest. */
    @Test
    void thePageNamesAFewOfTheProcessorsNotRegisteredAndCountsTheRest() {
        String name = "Borgerbooking " + UUID.randomUUID().toString().substring(0, 6);
        String systemId = system(name, UUID.randomUUID());
        processor(systemId, "Driftscenter Nord A/S", 12, today().plusDays(40));
        StringBuilder unknown = new StringBuilder("Driftscenter Nord A/S");
        for (int i = 1; i <= 12; i++) {
            unknown.append(", Ukendt ").append(i).append(" ApS");
        }
        String csv = "IT Systemer;Databehandlere;Tilsynsinterval\n" + name + ";" + unknown + ";Årligt\n";
        WebSession security = new WebSession(port);
        security.login("sikkerhed");
        String page = "/systemer/" + systemId + "/databehandlere";
        Files.Multipart file = Files.file("Databehandling.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(security.postMultipart(page + "/kitos-import?_csrf=" + WebSession.encode(security.csrfToken(page)),
                file.contentType(), file.body()).statusCode()).isEqualTo(302);

        String shown = security.get(page).body();
        assertThat(shown).contains("Ukendt 1 ApS", "Ukendt 10 ApS", "og 2 flere").doesNotContain("Ukendt 11 ApS");
    }

    @Test
    void othersAreRefusedAndABadFileChangesNothing() throws IOException {
        UUID kitosUuid = UUID.randomUUID();
        String systemId = system("Tandplejen " + UUID.randomUUID().toString().substring(0, 6), kitosUuid);
        String processorId = processor(systemId, "Scannerdrift ApS", 12, today().plusDays(50));
        String before = processorOf(systemId, processorId).toString();
        byte[] valid = xlsx(HEADERS, new String[] {"Tand", "", kitosUuid.toString(), "Scannerdrift ApS", "", "Halvårligt", "", "",
                today().plusDays(5).format(DANISH), ""});

        for (String user : List.of("anna", "kontrakt", "admin")) {
            assertThat(upload(user, "Databehandling.xlsx", XLSX, valid).status()).as(user).isEqualTo(403);
        }
        ApiClient.RawResponse badInterval = upload(Lifecycle.COORDINATOR, "Databehandling.xlsx", XLSX, xlsx(HEADERS,
                new String[] {"Tand", "", kitosUuid.toString(), "Scannerdrift ApS", "", "Halvårligt", "", "",
                        today().plusDays(5).format(DANISH), ""},
                new String[] {"Tand", "", kitosUuid.toString(), "Scannerdrift ApS", "", "Hvert femte år", "", "", "", ""}));
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(badInterval.body()).contains("Række 3", "Hvert femte år");
        assertThat(upload(Lifecycle.COORDINATOR, "Databehandling.csv", "text/csv",
                "IT Systemer;Databehandlere\nTand;Scannerdrift ApS\n".getBytes(StandardCharsets.UTF_8)).status())
                .as("no oversight column").isEqualTo(400);
        assertThat(upload(Lifecycle.COORDINATOR, "Databehandling.csv", "text/csv",
                ("IT Systemer (UUID);Databehandlere;Kommende planlagt tilsyn\n" + kitosUuid + ";Scannerdrift ApS;i morgen\n")
                        .getBytes(StandardCharsets.UTF_8)).status()).as("not a date").isEqualTo(400);
        assertThat(processorOf(systemId, processorId).toString()).as("nothing changed").isEqualTo(before);
    }
}
