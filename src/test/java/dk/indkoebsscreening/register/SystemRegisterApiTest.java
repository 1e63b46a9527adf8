package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The system register through the JSON API on the whole application: filled by approvals, KITOS imports and
 * coordinators, read by everyone, changed by coordinators only (through any path), and the duplicate check.
 */
class SystemRegisterApiTest extends ApiTestBase {

    private static final String COORDINATOR = Lifecycle.COORDINATOR;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final ObjectMapper json = new ObjectMapper();

    private long systems() {
        return jdbc.sql("select count(*) from registered_system").query(Long.class).single();
    }

    private String lastChange() {
        return jdbc.sql("select coalesce(max(updated_at)::text, '') from registered_system").query(String.class).single();
    }

    private static Map<String, Object> system(String name, String vendor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vendor", vendor);
        body.put("department", "Økonomi");
        return body;
    }

    private ApiClient.RawResponse put(String user, String path, Object body) throws IOException {
        return api.raw(user, "PUT", path, "application/json", json.writeValueAsBytes(body));
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] kitosExport(String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("IT Systemer Overblik");
            String[] headers = {"IT System", "Lokal kaldenavn", "Leverandør", "Ansv. organisationsenhed", "IT-System (UUID)", "Status"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anApprovedRequestRegistersItsSystemWithItsConditionsAndReference() {
        Map<String, Object> form = ApiClient.validRequest("Lønsystem til godkendelse");
        form.put("systemName", "Lønportal Nord " + UUID.randomUUID().toString().substring(0, 8));
        String requestId = api.post("anna", "/api/requests", form).body().get("id").asText();
        lifecycle.accept(requestId);
        lifecycle.approveAll(requestId);
        lifecycle.decide(requestId, "APPROVED", null);

        JsonNode found = api.get("anna", "/api/register?q=" + query((String) form.get("systemName"))).body();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        JsonNode registered = found.get("items").get(0);
        assertThat(registered.get("source").asText()).isEqualTo("DECISION");
        assertThat(registered.get("requestId").asText()).isEqualTo(requestId);
        assertThat(registered.get("requestReference").asText()).startsWith("IND-");
        assertThat(registered.get("vendor").asText()).isEqualTo("Eksempel Software A/S");
        assertThat(registered.get("personalData").asText()).isEqualTo("CPR");
    }

    @Test
    void staffReadTheRegisterButOnlyCoordinatorsChangeItThroughAnyPath() throws IOException {
        ApiClient.Response added = api.post(COORDINATOR, "/api/register", system("Budgetmodul Syd", "Talværk A/S"));
        assertThat(added.status()).isEqualTo(201);
        String id = added.body().get("id").asText();
        assertThat(api.get("anna", "/api/register/" + id).body().get("name").asText()).isEqualTo("Budgetmodul Syd");

        long before = systems();
        String changedBefore = lastChange();
        for (String user : List.of("anna", "sikkerhed", "admin")) {
            assertThat(api.post(user, "/api/register", system("Indsneget", "X")).status()).as(user).isEqualTo(403);
            assertThat(put(user, "/api/register/" + id, system("Omdøbt", "X")).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/register/" + id + "/retire", null).status()).as(user).isEqualTo(403);
        }
        for (String path : List.of("/api/register/", "/api//register", "/api/register;x=1", "/api/%72egister",
                "/api/REGISTER", "/api/register/..;/register")) {
            int status = api.raw("anna", "POST", path, "application/json",
                    json.writeValueAsBytes(system("Indsneget", "X"))).status();
            assertThat(status).as(path).isIn(400, 403, 404, 405);
        }
        assertThat(api.upload("anna", "/api/register/import", Files.file("kitos.xlsx", XLSX,
                kitosExport(new String[] {"Indsneget via import", "", "X", "", "", "Aktivt"})).contentType(),
                Files.file("kitos.xlsx", XLSX, kitosExport(new String[] {"Indsneget via import", "", "X", "", "", "Aktivt"})).body())
                .status()).isEqualTo(403);
        assertThat(systems()).as("nothing was added").isEqualTo(before);
        assertThat(lastChange()).as("nothing was changed").isEqualTo(changedBefore);
        assertThat(api.get("anna", "/api/register/" + id).body().get("name").asText()).isEqualTo("Budgetmodul Syd");

        ApiClient.RawResponse renamed = put(COORDINATOR, "/api/register/" + id, system("Budgetmodul Syd 2", "Talværk A/S"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.post(COORDINATOR, "/api/register/" + id + "/retire", null).body().get("retiredAt").isNull()).isFalse();
        assertThat(api.get("anna", "/api/register?q=" + query("Budgetmodul Syd 2")).body().get("total").asInt())
                .as("retired systems are left out of the list by default").isZero();
        assertThat(api.get("anna", "/api/register?includeRetired=true&q=" + query("Budgetmodul Syd 2")).body().get("total").asInt())
                .isEqualTo(1);
        assertThat(api.post(COORDINATOR, "/api/register/" + id + "/reactivate", null).body().get("retiredAt").isNull()).isTrue();
    }

    @Test
    void badInputIsRefusedInDanishAndChangesNothing() throws IOException {
        long before = systems();
        ApiClient.Response blank = api.post(COORDINATOR, "/api/register", system(" ", "X"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().toString()).contains("Skriv systemets navn.");
        Map<String, Object> badNumber = system("Tal", "X");
        badNumber.put("contractYears", "mange");
        assertThat(api.post(COORDINATOR, "/api/register", badNumber).status()).isEqualTo(400);
        Map<String, Object> control = system("Navn\u202Emed styretegn", "X");
        assertThat(api.post(COORDINATOR, "/api/register", control).status()).isEqualTo(400);

        UUID kitos = UUID.randomUUID();
        Map<String, Object> first = system("KITOS-et", "X");
        first.put("kitosUuid", kitos.toString());
        assertThat(api.post(COORDINATOR, "/api/register", first).status()).isEqualTo(201);
        Map<String, Object> second = system("KITOS-to", "Y");
        second.put("kitosUuid", kitos.toString());
        ApiClient.Response taken = api.post(COORDINATOR, "/api/register", second);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body().toString()).contains("KITOS-UUID");
        assertThat(systems()).isEqualTo(before + 1);
        assertThat(api.get("anna", "/api/register/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aKitosExportAddsUpdatesAndRetiresAndABadFileChangesNothing() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID journalUuid = UUID.randomUUID();
        byte[] export = kitosExport(
                new String[] {"Journal Plus " + tag, "Journalen", "Dokumentum A/S", "Social og Sundhed", journalUuid.toString(), "Aktivt"},
                new String[] {"Gammel Kalender " + tag, "", "Tid ApS", "Borgerservice", "", "Ikke aktivt"});
        Files.Multipart file = Files.file("IT Systemer Overblik.xlsx", XLSX, export);

        ApiClient.RawResponse first = api.upload(COORDINATOR, "/api/register/import", file.contentType(), file.body());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("added").asInt()).isEqualTo(2);
        JsonNode journal = api.get("anna", "/api/register?q=" + query("Journal Plus " + tag)).body().get("items").get(0);
        assertThat(journal.get("kitosUuid").asText()).isEqualTo(journalUuid.toString());
        assertThat(journal.get("localName").asText()).isEqualTo("Journalen");
        assertThat(journal.get("source").asText()).isEqualTo("KITOS_IMPORT");
        assertThat(api.get("anna", "/api/register?includeRetired=true&q=" + query("Gammel Kalender " + tag)).body()
                .get("items").get(0).get("retiredAt").isNull()).isFalse();

        byte[] renamed = kitosExport(new String[] {"Journal Plus Ny " + tag, "", "Dokumentum A/S", "Social og Sundhed",
                journalUuid.toString(), "Ikke aktivt"});
        Files.Multipart again = Files.file("igen.xlsx", XLSX, renamed);
        JsonNode second = json.readTree(api.upload(COORDINATOR, "/api/register/import", again.contentType(), again.body()).body());
        assertThat(second.get("added").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isEqualTo(1);
        assertThat(second.get("retired").asInt()).isEqualTo(1);
        JsonNode updated = api.get("anna", "/api/register/" + journal.get("id").asText()).body();
        assertThat(updated.get("name").asText()).as("recognised by its KITOS UUID").isEqualTo("Journal Plus Ny " + tag);
        assertThat(updated.get("localName").asText()).as("a blank cell keeps what was known").isEqualTo("Journalen");

        long before = systems();
        byte[] badRow = kitosExport(new String[] {"Fint system " + tag, "", "", "", "", "Aktivt"},
                new String[] {"", "", "Uden navn", "", "", "Aktivt"});
        Files.Multipart bad = Files.file("fejl.xlsx", XLSX, badRow);
        ApiClient.RawResponse refused = api.upload(COORDINATOR, "/api/register/import", bad.contentType(), bad.body());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Række 3 har intet systemnavn");
        Files.Multipart pdf = Files.file("kitos.xlsx", XLSX, Files.pdf("ikke et regneark"));
        assertThat(api.upload(COORDINATOR, "/api/register/import", pdf.contentType(), pdf.body()).status()).isEqualTo(400);
        assertThat(api.raw(COORDINATOR, "POST", "/api/register/import", file.contentType(), file.body()).status())
                .as("a multipart post without X-Requested-By could come from another site's form").isEqualTo(415);
        assertThat(systems()).as("all or nothing").isEqualTo(before);
    }

    @Test
    void theDuplicateCheckFindsSpellingVariantsInTheRegisterAndEarlierRequests() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        assertThat(api.post(COORDINATOR, "/api/register", system("PostgreSQL Drift" + tag, "Datahuset A/S")).status())
                .isEqualTo(201);
        Map<String, Object> form = ApiClient.validRequest("Vagtplaner");
        form.put("systemName", "Vagtplan Pro" + tag);
        form.put("vendor", "Planlæg ApS");
        String requestId = api.post("bent", "/api/requests", form).body().get("id").asText();

        JsonNode postgres = api.get("anna", "/api/register/similar?systemName=" + query("Postgres Drift" + tag)).body();
        assertThat(postgres.get("registered")).extracting(match -> match.get("name").asText()).contains("PostgreSQL Drift" + tag);
        String variant = "/api/register/similar?systemName=" + query("VagtPlan-Pro" + tag) + "&vendor=" + query("Planlaeg");
        JsonNode forCoordinator = api.get(COORDINATOR, variant).body();
        assertThat(forCoordinator.get("requests")).extracting(match -> match.path("id").asText()).contains(requestId);
        JsonNode forOwner = api.get("bent", variant).body();
        assertThat(forOwner.get("requests").get(0).path("title").asText()).isEqualTo("Vagtplaner");
        // Another requester learns that the system was asked for and how far it got, not whose request it is or what for.
        JsonNode forOthers = api.get("anna", variant).body().get("requests").get(0);
        assertThat(forOthers.path("systemName").asText()).isEqualTo("Vagtplan Pro" + tag);
        assertThat(forOthers.path("status").asText()).isEqualTo("IN_TRIAGE");
        for (String hidden : List.of("id", "reference", "title", "department", "requester")) {
            assertThat(forOthers.path(hidden).isMissingNode() || forOthers.path(hidden).isNull()).as(hidden).isTrue();
        }
        ApiClient.RawResponse othersFragment = api.raw("anna", "GET", "/anmodninger/lignende?systemName="
                + query("VagtPlan-Pro" + tag), null, null);
        assertThat(othersFragment.body()).contains("En anden anmodning om Vagtplan Pro" + tag).doesNotContain("Vagtplaner");
        assertThat(api.get("anna", "/api/register/similar?systemName=ab").body().get("registered")).isEmpty();
        ApiClient.RawResponse fragment = api.raw("anna", "GET", "/anmodninger/lignende?systemName=" + query("Postgres Drift" + tag),
                null, null);
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).as("the request form's list while typing").contains("PostgreSQL Drift" + tag)
                .doesNotContain("<html");
        assertThat(api.get("anna", "/api/register/similar?systemName=" + query("Helt Andet Ukendt Værktøj")).body()
                .get("registered")).noneMatch(match -> match.get("name").asText().contains(tag));
    }
}
