package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A re-screening from the register: the system's page leads to the request form filled from the approving request;
 * the new request says what has changed and is linked to the earlier one (both pages, request.submitted.v1); a
 * requester cannot name, nor have the form filled from, a request they may not read, and a refusal creates nothing.
 */
class RescreeningTest extends ApiTestBase {

    private final ObjectMapper json = new ObjectMapper();

    private long requests() {
        return jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
    }

    @Test
    void aRescreeningIsFilledFromTheEarlierRequestAndLinkedToIt() throws Exception {
        String systemName = "Genscreen " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> form = ApiClient.validRequest("Bookingsystem til genscreening");
        form.put("systemName", systemName);
        form.put("need", "Borgerne skal kunne booke tid til pas online.");
        String earlier = api.post("anna", "/api/requests", form).body().get("id").asText();
        lifecycle.accept(earlier);
        lifecycle.approveAll(earlier);
        lifecycle.decide(earlier, "APPROVED", null);
        String systemId = api.get("anna", "/api/register?q=" + URLEncoder.encode(systemName, StandardCharsets.UTF_8))
                .body().get("items").get(0).get("id").asText();

        WebSession anna = new WebSession(port);
        anna.login("anna");
        String systemPage = anna.get("/systemer/" + systemId).body();
        assertThat(systemPage).contains("/anmodninger/ny?tidligere=" + earlier);
        String filled = anna.get("/anmodninger/ny?tidligere=" + earlier).body();
        assertThat(filled).contains("Borgerne skal kunne booke tid til pas online.").contains(systemName)
                .contains("name=\"previousRequestId\" value=\"" + earlier + "\"").contains("Hvad har ændret sig siden sidst?");
        WebSession bent = new WebSession(port);
        bent.login("bent");
        assertThat(bent.get("/anmodninger/ny?tidligere=" + earlier).body())
                .as("another requester's request does not fill the form").doesNotContain("booke tid til pas")
                .doesNotContain(earlier);

        Map<String, Object> again = ApiClient.validRequest("Bookingsystem genscreenet");
        again.put("systemName", systemName);
        again.put("previousRequestId", earlier);
        long before = requests();
        ApiClient.Response noChanges = api.post("anna", "/api/requests", again);
        assertThat(noChanges.status()).isEqualTo(400);
        assertThat(noChanges.body().toString()).contains("changesSinceLast");
        again.put("changesSinceLast", "Ny version med videobooking; 40 flere brugere.");
        ApiClient.Response foreign = api.post("bent", "/api/requests", again);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().toString()).contains("previousRequestId");
        assertThat(requests()).as("a refusal creates nothing").isEqualTo(before);

        String later = api.post("anna", "/api/requests", again).body().get("id").asText();
        String submitted = outbox.payloadOf(later, "request.submitted");
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.request.submitted.v1", submitted)).isEmpty();
        JsonNode event = json.readTree(submitted);
        assertThat(event.get("previousRequestId").asText()).isEqualTo(earlier);
        assertThat(json.readTree(outbox.payloadOf(earlier, "request.submitted")).get("previousRequestId").isNull()).isTrue();

        String reference = api.details("anna", earlier).get("reference").asText();
        String laterReference = api.details("anna", later).get("reference").asText();
        assertThat(anna.get("/anmodninger/" + later).body()).contains("href=\"/anmodninger/" + earlier + "\"")
                .contains(reference).contains("Ny version med videobooking; 40 flere brugere.");
        assertThat(anna.get("/anmodninger/" + earlier).body()).contains("href=\"/anmodninger/" + later + "\"")
                .contains(laterReference);
        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        assertThat(coordinator.get("/anmodninger/" + later).body()).contains("Genscreening af");
    }
}
