package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.testsupport.RequestFormFacts;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.LocalDate;
import java.net.http.HttpResponse;
import dk.indkoebsscreening.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The vendor's contact, named in the submission or later by the requester or a coordinator: nobody else changes it, a bad
 * address or name changes nothing, and it never goes into an event.
 */
class VendorContactApiTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSubmissionNamesTheContactWhichTheRequestKeepsButNoEventCarries() {
        Map<String, Object> form = ApiClient.validRequest("Booking med kontaktperson");
        form.put("vendorContactName", "Sara Jensen");
        form.put("vendorContactEmail", " sara.jensen@eksempel.dk ");

        String id = api.post("anna", "/api/requests", form).body().get("id").asText();

        assertThat(contactOf(id)).containsExactly("Sara Jensen", "sara.jensen@eksempel.dk");
        assertThat(jdbc.sql("select count(*) from outbox_event where payload::text like '%eksempel.dk%' or payload::text like '%Sara Jensen%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNameWithoutAnAddressOrABadAddressIsRefusedAtItsFieldAndNothingIsSubmitted() {
        long before = requests();
        Map<String, Object> nameOnly = ApiClient.validRequest("Kun navn");
        nameOnly.put("vendorContactName", "Sara Jensen");
        Map<String, Object> badAddress = ApiClient.validRequest("Dårlig adresse");
        badAddress.put("vendorContactName", "Sara Jensen");
        badAddress.put("vendorContactEmail", "sara.jensen@eksempel");

        ApiClient.Response first = api.post("anna", "/api/requests", nameOnly);
        ApiClient.Response second = api.post("anna", "/api/requests", badAddress);

        assertThat(first.status()).isEqualTo(400);
        assertThat(errorsOf(first)).containsOnlyKeys("vendorContactEmail");
        assertThat(second.status()).isEqualTo(400);
        assertThat(errorsOf(second)).containsOnlyKeys("vendorContactEmail");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void theRequesterAndACoordinatorNameTheContactLaterAndTheHistorySaysWho() {
        String id = api.submit("anna", "Kontaktperson senere").get("id").asText();

        assertThat(put("anna", id, Map.of("name", "Sara Jensen", "email", "sara@eksempel.dk")).status()).isEqualTo(204);
        assertThat(contactOf(id)).containsExactly("Sara Jensen", "sara@eksempel.dk");
        assertThat(put("koordinator", id, Map.of("name", "Ole Hansen", "email", "ole@eksempel.dk")).status()).isEqualTo(204);
        assertThat(contactOf(id)).containsExactly("Ole Hansen", "ole@eksempel.dk");
        assertThat(jdbc.sql("select actor from case_history where request_id = ?::uuid and kind = 'VENDOR_CONTACT_CHANGED' order by at")
                .param(id).query(String.class).list()).containsExactly("anna", "koordinator");
    }

    @Test
    void anotherRequesterGets404AnExpertWhoReadsItGets403AndNothingChanges() {
        String id = api.submit("anna", "Kontaktperson angreb").get("id").asText();
        Map<String, Object> contact = Map.of("name", "Mallory", "email", "mallory@angriber.dk");

        assertThat(put("bent", id, contact).status()).isEqualTo(404);
        assertThat(put("sikkerhed", id, contact).status()).isEqualTo(403);
        assertThat(put(null, id, contact).status()).isEqualTo(401);
        assertThat(put("bent", "00000000-0000-0000-0000-000000000000", contact).status()).isEqualTo(404);

        assertThat(contactOf(id)).containsExactly(null, null);
        assertThat(history(id)).isZero();
    }

    @Test
    void aBadAddressATooLongNameOrControlCharactersAreFieldErrorsAndNothingIsStored() {
        String id = api.submit("anna", "Kontaktperson validering").get("id").asText();

        ApiClient.RawResponse badAddress = put("anna", id, Map.of("name", "Sara", "email", "sara at eksempel.dk"));
        ApiClient.RawResponse tooLong = put("anna", id, Map.of("name", "x".repeat(201), "email", "sara@eksempel.dk"));
        ApiClient.RawResponse control = put("anna", id, Map.of("name", "Sara\u0007Jensen", "email", "sara@eksempel.dk"));
        ApiClient.RawResponse bidi = put("anna", id, Map.of("name", "Sara", "email", "sara@\u202Eeksempel.dk"));
        ApiClient.RawResponse missing = put("anna", id, Map.of("name", "Sara"));

        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).contains("\"field\":\"email\"");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"name\"");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.body()).contains("\"field\":\"name\"");
        assertThat(bidi.status()).isEqualTo(400);
        assertThat(bidi.body()).contains("\"field\":\"email\"");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"email\"");
        assertThat(contactOf(id)).containsExactly(null, null);
        assertThat(history(id)).isZero();
    }

    @Test
    void theFormAsksForTheContactADraftKeepsItAndANameWithoutAnAddressIsRefusedAtItsField() {
        WebSession anna = new WebSession(port);
        anna.login("anna");
        assertThat(anna.get("/anmodninger/ny").body()).contains("name=\"vendorContactName\"", "name=\"vendorContactEmail\"");

        HttpResponse<String> saved = anna.postForm("/anmodninger/ny", "/anmodninger/kladde",
                "title=Kladde+med+kontakt&vendorContactName=Sara+Jensen&vendorContactEmail=sara%40eksempel");
        assertThat(saved.statusCode()).as("a draft takes the address as typed").isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String draft = location.substring(location.indexOf("#kladde-") + "#kladde-".length());
        assertThat(anna.get("/anmodninger/kladder/" + draft).body()).contains("value=\"Sara Jensen\"", "value=\"sara@eksempel\"");

        long before = requests();
        HttpResponse<String> refused = anna.postForm("/anmodninger/ny", "/anmodninger/ny", "submissionToken=" + UUID.randomUUID()
                + "&title=Navn+uden+adresse&systemName=S&vendor=V&need=N&department=D&oneOffCostDkk=1000&annualCostDkk=0"
                + "&contractYears=1&expectedUsers=1&personalDataCategories=ORDINARY&hosting=ON_PREMISES&hasIntegrations=false"
                + "&desiredStartDate=" + LocalDate.now().plusMonths(1) + "&vendorContactName=Sara+Jensen"
                + RequestFormFacts.FUNDING_AND_BENEFITS);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"field-vendorContactEmail-error\"")
                .contains("Skriv e-mailadressen på leverandørens kontaktperson");
        assertThat(requests()).isEqualTo(before);
    }

    private ApiClient.RawResponse put(String user, String id, Map<String, Object> body) {
        try {
            return api.raw(user, "PUT", "/api/requests/" + id + "/vendor-contact", "application/json", JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> contactOf(String id) {
        return jdbc.sql("select vendor_contact_name, vendor_contact_email from purchase_request where id = ?::uuid").param(id)
                .query((rs, row) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2))).single();
    }

    private long history(String id) {
        return jdbc.sql("select count(*) from case_history where request_id = ?::uuid and kind = 'VENDOR_CONTACT_CHANGED'")
                .param(id).query(Long.class).single();
    }

    private long requests() {
        return jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
    }

    private static Map<String, String> errorsOf(ApiClient.Response response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<JsonNode> list = new ArrayList<>();
        response.body().get("errors").forEach(list::add);
        list.forEach(error -> errors.merge(error.get("field").asText(), error.get("message").asText(), (a, b) -> a));
        return errors;
    }
}
