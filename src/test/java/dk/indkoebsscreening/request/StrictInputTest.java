package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input found by fuzzing the API and the forms: every bad value is a 400 that names its field in Danish,
 * all fields at once, never a 500, and nothing is stored.
 */
class StrictInputTest extends ApiTestBase {

    static final List<String> FREE_TEXT = List.of("title", "systemName", "vendor", "need", "department",
            "transferBasis", "integrations");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aControlCharacterInAnyFreeTextIsNamedAndNothingIsStored() {
        for (String field : FREE_TEXT) {
            for (String bad : List.of("NUL\u0000", "escape\u001b[2J", "bell\u0007", "del\u007f", "C1\u0085",
                    "right-to-left \u202Eoverride", "isolate\u2067")) {
                Map<String, Object> form = ApiClient.validRequest("Styretegn i " + field);
                form.put("hosting", "CLOUD_OUTSIDE_EU");
                form.put(field, form.getOrDefault(field, "x") + " " + bad);
                long before = requestCount();

                ApiClient.Response response = api.post("anna", "/api/requests", form);

                assertThat(response.status()).as(field + " " + bad).isEqualTo(400);
                assertThat(errorsOf(response)).as(field).containsEntry(field,
                        "Teksten indeholder tegn, der ikke kan bruges (fx usynlige styretegn). Skriv den igen.");
                assertThat(requestCount()).isEqualTo(before);
            }
        }
    }

    @Test
    void anUnpairedSurrogateEscapedInJsonIsNamedToo() {
        String body = write(ApiClient.validRequest("Surrogat")).replace("\"Surrogat\"", "\"Surrogat \\uD800\"");

        ApiClient.RawResponse response = api.raw("anna", "POST", "/api/requests", "application/json",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"title\"");
    }

    @Test
    void aLineBreakBelongsInADescriptionNotInAName() {
        Map<String, Object> form = ApiClient.validRequest("To\nlinjer");
        form.put("need", "Første linje.\r\nAnden linje.\tMed tabulator.");

        ApiClient.Response response = api.post("anna", "/api/requests", form);

        assertThat(errorsOf(response)).containsOnlyKeys("title").containsEntry("title", "Skal stå på én linje.");
    }

    @Test
    void typedValuesAreTakenOnlyAsTheirTypeWithAMessagePerField() {
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("personalDataCategories[0]", List.of(3));
        wrong.put("desiredStartDate", 20270301);
        wrong.put("contractYears", 1.5);
        wrong.put("oneOffCostDkk", "85000");
        wrong.put("expectedUsers", "25");
        wrong.put("vendor", 42);
        wrong.put("hosting", true);
        Map<String, String> expected = Map.of(
                "personalDataCategories[0]", "Skal være en af: NONE, ORDINARY, CPR, SENSITIVE, CRIMINAL.",
                "desiredStartDate", "Skal være en dato på formen ÅÅÅÅ-MM-DD.",
                "contractYears", "Skal være et helt tal.",
                "oneOffCostDkk", "Skal være et tal (ikke en tekst).",
                "expectedUsers", "Skal være et helt tal.",
                "vendor", "Skal være en tekst.",
                "hosting", "Skal være en af: ON_PREMISES, CLOUD_EU, CLOUD_OUTSIDE_EU.");
        long before = requestCount();
        wrong.forEach((field, value) -> {
            Map<String, Object> form = ApiClient.validRequest("Forkert type i " + field);
            // A list's entry is named with its index: "personalDataCategories[0]" is the first of personalDataCategories.
            form.put(field.replace("[0]", ""), value);
            ApiClient.Response response = api.post("anna", "/api/requests", form);
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(errorsOf(response)).as(field).containsExactly(Map.entry(field, expected.get(field)));
        });
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void everyFieldsErrorComesInOneAnswerTypeErrorsAndValidationTogether() {
        Map<String, Object> form = ApiClient.validRequest(null);
        form.put("personalDataCategories", List.of("SOMETIMES"));
        form.put("contractYears", 0);
        form.put("desiredStartDate", LocalDate.now().plusYears(50).toString());
        form.put("expectedUsers", "mange");
        form.put("color", "blå");

        ApiClient.Response response = api.post("anna", "/api/requests", form);

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorsOf(response)).containsOnlyKeys("title", "personalDataCategories[0]", "contractYears", "desiredStartDate",
                        "expectedUsers", "color")
                .containsEntry("desiredStartDate", "Datoen kan højst ligge 10 år ude i fremtiden.")
                .containsEntry("color", "Feltet kendes ikke.");
    }

    @Test
    void bodiesThatAreNotOneJsonObjectAreRefusedWholesale() {
        String valid = write(ApiClient.validRequest("Rå JSON"));
        Map<String, String> bodies = Map.of(
                "duplicate key", valid.replace("{\"title\":\"Rå JSON\",", "{\"title\":\"Rå JSON\",\"title\":\"Anden titel\","),
                "trailing object", valid + "{\"title\":\"Anden\"}",
                "trailing garbage", valid + " x",
                "array", "[" + valid + "]",
                "truncated", valid.substring(0, valid.length() / 2));
        long before = requestCount();
        bodies.forEach((what, body) -> {
            ApiClient.RawResponse response = api.raw("anna", "POST", "/api/requests", "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(what).contains("JSON");
        });
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void theApiAnswersInDanishWithoutAcceptLanguage() {
        RawHttp.Reply reply = new RawHttp(port).send("POST", "/api/requests",
                Map.of("Authorization", RawHttp.basic("anna"), "Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("Nogle felter er ikke udfyldt korrekt.", "Skriv en titel.");
    }

    @Test
    void controlCharactersInTaskStepsAreNamedAndTheTaskStaysOpen() {
        String requestId = api.submit("anna", "Styretegn i trin").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        ApiClient.Response response = api.complete(Lifecycle.COORDINATOR, triage,
                Map.of("outcome", "REJECT", "comment", "Afvist\u0000"));
        ApiClient.Response wrongType = api.complete(Lifecycle.COORDINATOR, triage, Map.of("outcome", 2, "comment", 7));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorsOf(response)).containsOnlyKeys("comment");
        assertThat(errorsOf(wrongType)).containsOnlyKeys("outcome", "comment");
        assertThat(api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText()).isEqualTo(triage);
        assertThat(outbox.typesOf(requestId)).containsExactly("request.submitted");
    }

    @Test
    void aScreeningReportsTypeChecklistAndRuleErrorsTogether() {
        String requestId = lifecycle.submitAndAccept("anna", "Mange fejl i screening");
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdict", "APPROVED_WITH_CONDITIONS");
        body.put("conditions", List.of("Databehandleraftale\u202E"));
        body.put("checklist", Map.of("dpiaNeeded", "x".repeat(1001), "noSuchQuestion", "ja"));

        ApiClient.Response response = api.complete("sikkerhed", task, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorsOf(response)).containsKeys("conditions[0]", "checklist.dpiaNeeded", "checklist.noSuchQuestion")
                .containsEntry("checklist.dpiaNeeded", "Teksten er for lang (højst 1000 tegn).");
    }

    /** A NUL never reaches a form: the input boundary refuses the request first and names the field. */
    @Test
    void aNulInAnyFieldIsRefusedBeforeTheFormIsRead() {
        String requestId = lifecycle.submitAndAccept("anna", "NUL i en betingelse");
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdict", "APPROVED_WITH_CONDITIONS");
        body.put("conditions", List.of("Databehandleraftale\u0000"));
        body.put("checklist", Map.of("dpiaNeeded", "x".repeat(1001)));

        ApiClient.Response response = api.complete("sikkerhed", task, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorsOf(response)).containsOnlyKeys("conditions[0]");
        assertThat(api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText()).isEqualTo(task);
    }

    @Test
    void theRequestFormNamesADirectionOverrideAtItsFieldInDanish() {
        WebSession browser = new WebSession(port);
        browser.login("anna");
        long before = requestCount();

        HttpResponse<String> page = browser.postForm("/anmodninger/ny", "/anmodninger/ny", requestFormWithTitle("Formular\u202Efdp.exe"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Teksten indeholder tegn, der ikke kan bruges");
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void aControlCharacterInTheRequestFormIsRefusedInDanishBeforeTheFormIsRead() {
        WebSession browser = new WebSession(port);
        browser.login("anna");
        long before = requestCount();

        HttpResponse<String> page = browser.postForm("/anmodninger/ny", "/anmodninger/ny", requestFormWithTitle("Formular\u0000"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Det, du sendte, kunne ikke bruges", "usynligt styretegn", "Intet er gemt")
                .doesNotContain("Formular");
        assertThat(requestCount()).isEqualTo(before);
    }

    private static String requestFormWithTitle(String title) {
        return "title=" + WebSession.encode(title) + "&systemName=X&vendor=Y&need=Z&department=D"
                + "&oneOffCostDkk=0&annualCostDkk=0&contractYears=1&expectedUsers=1&personalDataCategories=NONE"
                + "&hosting=ON_PREMISES&hasIntegrations=false&desiredStartDate=" + LocalDate.now().plusMonths(1)
                + RequestFormFacts.FUNDING_AND_BENEFITS;
    }

    @Test
    void theRequestFormReadsDanishAmountsAndNamesWhatItCannotRead() {
        WebSession browser = new WebSession(port);
        browser.login("anna");
        String title = "Danske tal " + System.nanoTime();
        String common = "title=" + WebSession.encode(title) + "&systemName=X&vendor=Y&need=Z&department=D"
                + "&expectedUsers=" + WebSession.encode("1.200") + "&hosting=ON_PREMISES&hasIntegrations=false"
                + "&desiredStartDate=" + LocalDate.now().plusMonths(1) + RequestFormFacts.FUNDING_AND_BENEFITS;
        long before = requestCount();

        HttpResponse<String> refused = browser.postForm("/anmodninger/ny", "/anmodninger/ny", common
                + "&oneOffCostDkk=" + WebSession.encode("ca. 250.000") + "&annualCostDkk=" + WebSession.encode("250.00")
                + "&contractYears=" + WebSession.encode("2,5"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Skriv beløbet i kroner, fx 250.000, 48.500,50 eller 1,5 mio.")
                .contains("Skriv kontraktens længde som et helt antal år, fx 4.")
                .contains("Vælg hvilke personoplysninger systemet behandler.")
                .contains("value=\"ca. 250.000\"").contains("value=\"250.00\"").contains("value=\"2,5\"")
                .doesNotContain("java.").doesNotContain("BigDecimal");
        assertThat(requestCount()).isEqualTo(before);

        HttpResponse<String> accepted = browser.postForm("/anmodninger/ny", "/anmodninger/ny", common
                + "&oneOffCostDkk=" + WebSession.encode("1,5 mio.") + "&annualCostDkk=" + WebSession.encode("48.500,50 kr.")
                + "&contractYears=" + WebSession.encode("fire år") + "&personalDataCategories=NONE&submissionToken=" + UUID.randomUUID());

        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(300, 399);
        assertThat(jdbc.sql("select one_off_cost_dkk, annual_cost_dkk, expected_users, contract_years from purchase_request where title = ?")
                .param(title).query((row, n) -> List.of(row.getBigDecimal(1), row.getBigDecimal(2), row.getLong(3), row.getLong(4))).single())
                .containsExactly(new BigDecimal("1500000.00"), new BigDecimal("48500.50"), 1200L, 4L);
    }

    @Test
    void malformedEncodingAndPathTricksGetA400WithTheSecurityHeaders() {
        RawHttp http = new RawHttp(port);
        for (String target : List.of("/api/tasks?a=%ZZ", "/api/tasks?a=%", "/api/tasks?a=%C3%28",
                "/engine-rest/task/count?a=%ZZ", "/engine-rest/..;/api/tasks", "/api/..;/engine-rest/engine",
                "/api/%2e%2e/engine-rest/engine", "/api/requests/%ZZ", "/api/tasks%00", "/api;/tasks")) {
            for (String user : List.of("anna", "admin")) {
                RawHttp.Reply reply = http.get(user, target);
                assertThat(reply.status()).as(user + " " + target).isEqualTo(400);
                assertThat(reply.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
                assertThat(reply.header("X-Frame-Options")).as(target).isEqualTo("DENY");
                assertThat(reply.header("Content-Security-Policy")).as(target).contains("default-src 'self'");
            }
        }
    }

    private long requestCount() {
        return jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
    }

    private static Map<String, String> errorsOf(ApiClient.Response response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<JsonNode> list = new ArrayList<>();
        response.body().get("errors").forEach(list::add);
        list.forEach(error -> errors.merge(error.get("field").asText(), error.get("message").asText(), (a, b) -> a));
        return errors;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
