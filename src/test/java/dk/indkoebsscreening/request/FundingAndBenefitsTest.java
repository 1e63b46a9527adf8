package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who pays the purchase and its operation, and the benefits the requester expects (issue 33): asked by the request form,
 * optional as a whole in the API, refused half-given through either, kept, shown, and announced without the free text.
 */
class FundingAndBenefitsTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theApiKeepsFundingAndBenefitsAndTheEventCarriesThemWithoutTheText() throws Exception {
        Map<String, Object> form = ApiClient.validRequest("Finansieret af puljen " + UUID.randomUUID());
        form.put("purchaseFunding", "POOL");
        form.put("purchaseFundingName", " Digitaliseringspuljen ");
        form.put("operationFunding", "DEPARTMENT");
        form.put("operationFundingName", "Bliver ikke gemt");
        form.put("expectedBenefits", ratings("HIGH", "MEDIUM", "LOW", "LOW", "HIGH"));
        form.put("benefitsDescription", "Hemmelig begrundelse: kortere kø i Borgerservice.");

        String id = api.post("anna", "/api/requests", form).body().get("id").asText();

        JsonNode request = api.get("anna", "/api/requests/" + id).body();
        assertThat(request.get("funding").get("purchase").asText()).isEqualTo("POOL");
        assertThat(request.get("funding").get("purchaseName").asText()).isEqualTo("Digitaliseringspuljen");
        assertThat(request.get("funding").get("operation").asText()).isEqualTo("DEPARTMENT");
        assertThat(request.get("funding").get("operationName").isNull()).as("a department has no name").isTrue();
        assertThat(request.get("expectedBenefits").get("ratings").get("EFFICIENCY").asText()).isEqualTo("MEDIUM");
        assertThat(request.get("expectedBenefits").get("description").asText()).isEqualTo("Hemmelig begrundelse: kortere kø i Borgerservice.");

        String csv = new String(api.download("koordinator", "/anmodninger/alle.csv?q=" + WebSession.encode((String) form.get("title"))).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).as("the search's CSV for the steering group")
                .endsWith(";\"Pulje: Digitaliseringspuljen\";\"Afdelingen selv\";\"Høj\";\"Middel\";\"Lav\";\"Lav\";\"Høj\"");

        String payload = submittedPayload(id);
        JsonNode event = JSON.readTree(payload);
        assertThat(event.get("funding")).isEqualTo(JSON.readTree(
                "{\"purchase\":\"POOL\",\"purchaseName\":\"Digitaliseringspuljen\",\"operation\":\"DEPARTMENT\",\"operationName\":null}"));
        assertThat(event.get("expectedBenefits")).isEqualTo(JSON.readTree(
                "{\"WELL_BEING\":\"HIGH\",\"EFFICIENCY\":\"MEDIUM\",\"CITIZEN_QUALITY\":\"LOW\",\"INFORMATION_SECURITY\":\"LOW\",\"SCALABILITY\":\"HIGH\"}"));
        assertThat(payload).as("the text stays in the application").doesNotContain("Hemmelig");
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.request.submitted.v1", payload)).isEmpty();
    }

    @Test
    void anIntegrationMayLeaveBothOutAndTheEventSaysNull() throws Exception {
        String id = api.submit("anna", "Uden finansiering " + UUID.randomUUID()).get("id").asText();

        JsonNode request = api.get("anna", "/api/requests/" + id).body();
        assertThat(request.get("funding").isNull()).isTrue();
        assertThat(request.get("expectedBenefits").isNull()).isTrue();
        String payload = submittedPayload(id);
        assertThat(JSON.readTree(payload).get("funding").isNull()).isTrue();
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.request.submitted.v1", payload)).isEmpty();
    }

    @Test
    void halfAnsweredFundingOrBenefitsAreRefusedAtTheirFieldsAndNothingIsSubmitted() {
        long before = requests();
        Map<String, Object> purchaseOnly = ApiClient.validRequest("Kun købet");
        purchaseOnly.put("purchaseFunding", "EXTERNAL");
        Map<String, Object> fourRatings = ApiClient.validRequest("Fire vurderinger");
        fourRatings.put("purchaseFunding", "IT");
        fourRatings.put("operationFunding", "POOL");
        fourRatings.put("operationFundingName", "  ");
        Map<String, Object> four = new LinkedHashMap<>(ratings("HIGH", "HIGH", "HIGH", "HIGH", "HIGH"));
        four.put("SCALABILITY", null);
        fourRatings.put("expectedBenefits", four);
        Map<String, Object> tooLong = ApiClient.validRequest("For lang");
        tooLong.put("purchaseFunding", "POOL");
        tooLong.put("purchaseFundingName", "p".repeat(201));
        tooLong.put("operationFunding", "IT");
        tooLong.put("expectedBenefits", ratings("LOW", "LOW", "LOW", "LOW", "LOW"));
        tooLong.put("benefitsDescription", "b".repeat(1001));

        ApiClient.Response first = api.post("anna", "/api/requests", purchaseOnly);
        ApiClient.Response second = api.post("anna", "/api/requests", fourRatings);
        ApiClient.Response third = api.post("anna", "/api/requests", tooLong);

        assertThat(first.status()).isEqualTo(400);
        assertThat(fields(first)).containsExactlyInAnyOrder("operationFunding", "purchaseFundingName");
        assertThat(second.status()).isEqualTo(400);
        assertThat(fields(second)).containsExactlyInAnyOrder("operationFundingName", "expectedBenefits", "benefitsDescription");
        assertThat(third.status()).isEqualTo(400);
        assertThat(fields(third)).containsExactlyInAnyOrder("purchaseFundingName", "benefitsDescription");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void anUnknownSourceCriterionOrRatingIsRefusedAndChangesNothing() {
        long before = requests();
        for (Map.Entry<String, Object> wrong : List.of(
                Map.entry("purchaseFunding", (Object) "KOMMUNEKASSEN"),
                Map.entry("expectedBenefits", (Object) Map.of("HAPPINESS", "HIGH")),
                Map.entry("expectedBenefits", (Object) Map.of("EFFICIENCY", "ENORM")),
                Map.entry("expectedBenefits", (Object) List.of("HIGH")))) {
            Map<String, Object> form = ApiClient.validRequest("Ukendt værdi");
            form.put(wrong.getKey(), wrong.getValue());
            ApiClient.RawResponse response = api.raw("anna", "POST", "/api/requests", "application/json", json(form).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(response.body()).as(wrong.toString())
                    .containsAnyOf("unreadable-body", "\"field\":\"" + wrong.getKey()).doesNotContain("Exception");
        }
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void theFormAsksBothQuestionsInDanishKeepsThemInADraftAndTheRequestPageShowsThem() {
        WebSession anna = new WebSession(port);
        anna.login("anna");
        String title = "Formular med finansiering " + System.nanoTime();
        String common = "title=" + WebSession.encode(title) + "&systemName=X&vendor=Y&need=Z&department=D"
                + "&oneOffCostDkk=0&annualCostDkk=0&contractYears=1&expectedUsers=1&personalDataCategories=NONE"
                + "&hosting=ON_PREMISES&hasIntegrations=false&desiredStartDate=" + LocalDate.now().plusMonths(1);
        long before = requests();

        HttpResponse<String> refused = anna.postForm("/anmodninger/ny", "/anmodninger/ny", common + "&purchaseFunding=POOL"
                + "&submissionToken=" + UUID.randomUUID());

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Vælg hvem der betaler driften.", "Skriv navnet på puljen eller fonden.",
                "Vurdér alle fem gevinster: høj, middel eller lav.", "Beskriv kort de forventede gevinster.");
        assertThat(requests()).isEqualTo(before);

        HttpResponse<String> saved = anna.postForm("/anmodninger/ny", "/anmodninger/kladde", common
                + "&purchaseFunding=EXTERNAL&purchaseFundingName=" + WebSession.encode("A.P. Møller Fonden")
                + "&expectedBenefits%5BEFFICIENCY%5D=HIGH&benefitsDescription=Halvt+udfyldt");
        assertThat(saved.statusCode()).as("a draft keeps half an answer").isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String draft = location.substring(location.indexOf("#kladde-") + "#kladde-".length());
        String continued = anna.get("/anmodninger/kladder/" + draft).body();
        assertThat(continued).contains("value=\"A.P. Møller Fonden\"", "Halvt udfyldt");
        assertThat(continued).containsPattern("name=\"expectedBenefits\\[EFFICIENCY\\]\" value=\"HIGH\"\\s+checked");
        assertThat(continued).containsPattern("name=\"purchaseFunding\"\\s+value=\"EXTERNAL\"\\s+checked");

        HttpResponse<String> accepted = anna.postForm("/anmodninger/ny", "/anmodninger/ny", common
                + "&purchaseFunding=POOL&purchaseFundingName=Teknologipuljen&operationFunding=DEPARTMENT"
                + "&expectedBenefits%5BWELL_BEING%5D=LOW&expectedBenefits%5BEFFICIENCY%5D=HIGH"
                + "&expectedBenefits%5BCITIZEN_QUALITY%5D=MEDIUM&expectedBenefits%5BINFORMATION_SECURITY%5D=LOW"
                + "&expectedBenefits%5BSCALABILITY%5D=HIGH&benefitsDescription=" + WebSession.encode("Færre fejl i sagerne.")
                + "&submissionToken=" + UUID.randomUUID());
        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(300, 399);
        UUID id = jdbc.sql("select id from purchase_request where title = ?").param(title).query(UUID.class).single();

        String page = anna.get("/anmodninger/" + id).body();
        assertThat(page).contains("Købet betales af", "Pulje: Teknologipuljen", "Driften betales af", "Afdelingen selv",
                "Medarbejdertrivsel: Lav", "Effektivisering: Høj", "Kvalitet for borgerne: Middel",
                "Skalerbarhed og overførbarhed: Høj", "Færre fejl i sagerne.");
        assertThat(anna.get("/anmodninger/" + api.submit("anna", "Ikke oplyst " + UUID.randomUUID()).get("id").asText()).body())
                .as("a request without them").contains("Ikke oplyst");
    }

    @Test
    void anEmptyFormNamesEachQuestionInTheSummaryAnAnsweredOneNoMoreAndAnUnknownCriterionIsRefused() {
        WebSession anna = new WebSession(port);
        anna.login("anna");

        String page = anna.postForm("/anmodninger/ny", "/anmodninger/ny", "submissionToken=" + UUID.randomUUID()).body();

        assertThat(page).contains("href=\"#field-purchaseFunding\"", "href=\"#field-operationFunding\"",
                "href=\"#field-expectedBenefits\"", "href=\"#field-benefitsDescription\"");
        assertThat(page).contains("id=\"field-expectedBenefits\"");
        String answered = anna.postForm("/anmodninger/ny", "/anmodninger/ny", "submissionToken=" + UUID.randomUUID()
                + RequestFormFacts.FUNDING_AND_BENEFITS).body();
        assertThat(answered).doesNotContain("href=\"#field-purchaseFunding\"", "href=\"#field-expectedBenefits\"");

        long before = requests();
        HttpResponse<String> unknown = anna.postForm("/anmodninger/ny", "/anmodninger/ny", "submissionToken=" + UUID.randomUUID()
                + RequestFormFacts.FUNDING_AND_BENEFITS.replace("purchaseFunding=DEPARTMENT", "purchaseFunding=KOMMUNEKASSEN")
                + "&expectedBenefits%5BHAPPINESS%5D=HIGH");
        assertThat(unknown.statusCode()).as("the form again, with what to mend").isEqualTo(200);
        assertThat(unknown.body()).contains("href=\"#field-purchaseFunding\"");
        assertThat(unknown.body()).doesNotContain("Exception", "HAPPINESS");
        assertThat(requests()).isEqualTo(before);
    }

    private static Map<String, Object> ratings(String wellBeing, String efficiency, String citizens, String security, String scalability) {
        Map<String, Object> ratings = new LinkedHashMap<>();
        ratings.put("WELL_BEING", wellBeing);
        ratings.put("EFFICIENCY", efficiency);
        ratings.put("CITIZEN_QUALITY", citizens);
        ratings.put("INFORMATION_SECURITY", security);
        ratings.put("SCALABILITY", scalability);
        return ratings;
    }

    private String submittedPayload(String id) {
        return jdbc.sql("select payload::text from outbox_event where request_id = ?::uuid and type = 'dk.indkoebsscreening.request.submitted.v1'")
                .param(id).query(String.class).single();
    }

    private static List<String> fields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long requests() {
        return jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
    }
}
