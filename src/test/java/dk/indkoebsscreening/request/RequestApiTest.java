package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiClient.Response;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestApiTest extends ApiTestBase {

    @Test
    void submittingReturnsReferenceStatusAndDeadlineAndStoresRequestEventAndProcess() {
        Response response = api.post("anna", "/api/requests", ApiClient.validRequest("Nyt bookingsystem"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode receipt = response.body();
        assertThat(receipt.get("reference").asText()).matches("IND-\\d{4}-\\d{4}");
        assertThat(receipt.get("status").asText()).isEqualTo("IN_TRIAGE");
        assertThat(receipt.get("deadline").asText()).isNotBlank();
        String id = receipt.get("id").asText();

        JsonNode details = api.details("anna", id);
        assertThat(details.get("title").asText()).isEqualTo("Nyt bookingsystem");
        assertThat(details.get("requester").asText()).isEqualTo("anna");
        assertThat(details.get("personalDataCategories").toString()).isEqualTo("[\"CPR\"]");
        assertThat(details.get("areas")).hasSize(6);
        assertThat(details.get("areas").get(0).get("state").asText()).isEqualTo("PENDING");
        assertThat(details.get("decision").isNull()).isTrue();
        // 85.000 kr. once plus 4 years of 60.000 kr.; only the euro value is configured for 2026-27, and the krone's band puts
        // 325.000 kr. below it
        assertThat(details.get("procurement").get("contractValueDkk").decimalValue()).isEqualByComparingTo("325000");
        assertThat(details.get("procurement").get("thresholdDay").asText()).isEqualTo(java.time.LocalDate.now(
                java.time.ZoneId.of("Europe/Copenhagen")).toString());
        assertThat(details.get("procurement").get("aboveEuThreshold").asBoolean(true)).isFalse();
        assertThat(details.get("procurement").get("euThresholdDkk").isNull()).isTrue();
        assertThat(details.get("procurement").get("euThresholdEur").decimalValue()).isEqualByComparingTo("216000");
        assertThat(details.get("procurement").get("bandLowestDkk").decimalValue()).isEqualByComparingTo("1574184");
        assertThat(outbox.typesOf(id)).containsExactly("request.submitted");
        assertThat(jdbc.sql("select count(*) from purchase_request where id = ?::uuid and process_instance_id is not null")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theTransferBasisIsKeptOnlyForHostingOutsideTheEu() {
        Map<String, Object> outside = ApiClient.validRequest("Amerikansk SaaS");
        outside.put("hosting", "CLOUD_OUTSIDE_EU");
        outside.put("transferBasis", "EU-US Data Privacy Framework");
        Map<String, Object> inside = ApiClient.validRequest("Dansk SaaS");
        inside.put("transferBasis", "Ikke relevant");

        String outsideId = api.post("anna", "/api/requests", outside).body().get("id").asText();
        String insideId = api.post("anna", "/api/requests", inside).body().get("id").asText();

        assertThat(api.details("anna", outsideId).get("transferBasis").asText()).isEqualTo("EU-US Data Privacy Framework");
        assertThat(api.details("anna", insideId).get("transferBasis").isNull()).isTrue();
    }

    @Test
    void referencesAreConsecutiveWithinTheYear() {
        String first = api.submit("anna", "Første").get("reference").asText();
        String second = api.submit("bent", "Anden").get("reference").asText();

        int firstNumber = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        assertThat(second).isEqualTo(first.substring(0, first.lastIndexOf('-') + 1) + "%04d".formatted(firstNumber + 1));
    }

    @Test
    void onlyTheRequesterAndTheExpertGroupMayReadARequest() {
        String id = api.submit("anna", "Fortroligt system").get("id").asText();

        assertThat(api.get("anna", "/api/requests/" + id).status()).isEqualTo(200);
        assertThat(api.get("sikkerhed", "/api/requests/" + id).status()).isEqualTo(200);
        assertThat(api.get("koordinator", "/api/requests/" + id).status()).isEqualTo(200);
        assertThat(api.get("bent", "/api/requests/" + id).status()).isEqualTo(404);
        assertThat(api.get(null, "/api/requests/" + id).status()).isEqualTo(401);
    }

    @Test
    void mineListsOnlyTheCallersOwnRequests() {
        String annas = api.submit("anna", "Annas system").get("id").asText();
        String bents = api.submit("bent", "Bents system").get("id").asText();

        List<String> ids = new ArrayList<>();
        api.get("bent", "/api/requests?mine=true").body().forEach(summary -> ids.add(summary.get("id").asText()));

        assertThat(ids).contains(bents).doesNotContain(annas);
        api.get("bent", "/api/requests?mine=true").body()
                .forEach(summary -> assertThat(summary.get("requester").asText()).isEqualTo("bent"));
    }

    @Test
    void everyMissingFieldGetsItsOwnDanishMessageAndNothingIsStored() {
        long requestsBefore = requestCount();
        long eventsBefore = outbox.count();

        Response response = api.post("anna", "/api/requests", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("title", "systemName", "vendor", "need", "department",
                "oneOffCostDkk", "annualCostDkk", "contractYears", "expectedUsers", "personalDataCategories", "hosting",
                "desiredStartDate");
        assertThat(messageFor(response, "title")).isEqualTo("Skriv en titel.");
        assertThat(requestCount()).isEqualTo(requestsBefore);
        assertThat(outbox.count()).isEqualTo(eventsBefore);
    }

    @Test
    void oversizedAndOutOfRangeValuesAreRejectedPerField() {
        Map<String, Object> form = ApiClient.validRequest("x".repeat(201));
        form.put("need", "y".repeat(4001));
        form.put("oneOffCostDkk", -1);
        form.put("contractYears", 21);
        form.put("expectedUsers", 0);
        form.put("desiredStartDate", LocalDate.now().minusDays(1).toString());
        long requestsBefore = requestCount();

        Response response = api.post("anna", "/api/requests", form);

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("title", "need", "oneOffCostDkk", "contractYears",
                "expectedUsers", "desiredStartDate");
        assertThat(messageFor(response, "title")).contains("200");
        assertThat(requestCount()).isEqualTo(requestsBefore);
    }

    @Test
    void invalidEnumDateAndUnknownFieldsAreNamed() {
        Map<String, Object> badEnum = ApiClient.validRequest("Forkert hosting");
        badEnum.put("hosting", "MARS");
        Response enumResponse = api.post("anna", "/api/requests", badEnum);
        assertThat(enumResponse.status()).isEqualTo(400);
        assertThat(fields(enumResponse)).containsExactly("hosting");
        assertThat(messageFor(enumResponse, "hosting")).contains("CLOUD_EU");

        Map<String, Object> badDate = ApiClient.validRequest("Forkert dato");
        badDate.put("desiredStartDate", "31-12-2026");
        assertThat(fields(api.post("anna", "/api/requests", badDate))).containsExactly("desiredStartDate");

        Map<String, Object> unknown = ApiClient.validRequest("Ukendt felt");
        unknown.put("budgetCode", "42");
        assertThat(fields(api.post("anna", "/api/requests", unknown))).containsExactly("budgetCode");
    }

    @Test
    void messagesAreInEnglishWhenAskedFor() {
        Response response = api.post("anna", "/api/requests", Map.of(), "en");

        assertThat(response.status()).isEqualTo(400);
        assertThat(messageFor(response, "title")).isEqualTo("Enter a title.");
    }

    private long requestCount() {
        return jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
    }

    static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    static String messageFor(Response response, String field) {
        for (JsonNode error : response.body().get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("No error for " + field + " in " + response.body());
    }
}
