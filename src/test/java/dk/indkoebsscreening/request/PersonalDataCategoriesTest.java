package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several categories of personal data on one request: kept as a set, read by the scope rules, in the API and in the
 * event beside the one value version 1.0.0 of the event has; "none" only on its own.
 */
class PersonalDataCategoriesTest extends ApiTestBase {

    private final ObjectMapper json = new ObjectMapper();
    private final EventSchemas schemas = new EventSchemas();

    private JsonNode submit(List<String> categories, int users) {
        Map<String, Object> form = ApiClient.validRequest("Hjemmepleje " + categories);
        form.put("personalDataCategories", categories);
        form.put("expectedUsers", users);
        ApiClient.Response response = api.post("anna", "/api/requests", form);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return api.details("koordinator", response.body().get("id").asText());
    }

    private JsonNode submittedEvent(JsonNode details) throws Exception {
        String payload = outbox.payloadOf(details.get("id").asText(), "request.submitted");
        assertThat(schemas.problems("dk.indkoebsscreening.request.submitted.v1", payload)).isEmpty();
        return json.readTree(payload);
    }

    @Test
    void homeCareWithCprNumbersAndHealthDataKeepsBothAndNeedsADpia() throws Exception {
        JsonNode details = submit(List.of("SENSITIVE", "CPR", "CPR"), 40);

        assertThat(details.get("personalDataCategories").toString()).isEqualTo("[\"CPR\",\"SENSITIVE\"]");
        assertThat(details.get("scope").get("proposed").get("flags").toString()).contains("DPIA_LIKELY");
        JsonNode event = submittedEvent(details);
        assertThat(event.get("personalDataCategories").toString()).isEqualTo("[\"CPR\",\"SENSITIVE\"]");
        assertThat(event.get("personalData").asText()).as("the most sensitive of version 1.0.0's values").isEqualTo("SENSITIVE");
    }

    @Test
    void criminalOffencesAreTheirOwnCategoryAndSensitiveForVersionOneConsumers() throws Exception {
        JsonNode details = submit(List.of("ORDINARY", "CRIMINAL"), 10);

        assertThat(details.get("scope").get("proposed").get("flags").toString()).contains("DPIA_LIKELY");
        JsonNode event = submittedEvent(details);
        assertThat(event.get("personalDataCategories").toString()).isEqualTo("[\"ORDINARY\",\"CRIMINAL\"]");
        assertThat(event.get("personalData").asText()).isEqualTo("SENSITIVE");
    }

    @Test
    void ordinaryDataWithFewUsersNeedsNoDpiaAndTheEventSaysOrdinary() throws Exception {
        JsonNode details = submit(List.of("ORDINARY"), 10);

        assertThat(details.get("scope").get("proposed").get("flags").toString()).doesNotContain("DPIA_LIKELY");
        assertThat(submittedEvent(details).get("personalData").asText()).isEqualTo("ORDINARY");
    }

    @Test
    void noneTogetherWithACategoryOrNoCategoryAtAllIsRefusedNamingTheQuestion() {
        long before = jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
        long eventsBefore = outbox.count();
        for (List<String> wrong : List.<List<String>>of(List.of("NONE", "CPR"), List.of())) {
            Map<String, Object> form = ApiClient.validRequest("Forkert persondata " + wrong);
            form.put("personalDataCategories", wrong);

            ApiClient.Response response = api.post("anna", "/api/requests", form);

            assertThat(response.status()).as(wrong.toString()).isEqualTo(400);
            JsonNode error = response.body().get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("personalDataCategories");
            assertThat(error.get("message").asText()).isEqualTo(wrong.isEmpty()
                    ? "Vælg hvilke personoplysninger systemet behandler."
                    : "Vælg enten »Ingen personoplysninger« eller de slags personoplysninger, systemet behandler – ikke begge.");
        }
        assertThat(jdbc.sql("select count(*) from purchase_request").query(Long.class).single()).isEqualTo(before);
        assertThat(outbox.count()).isEqualTo(eventsBefore);
    }
}
