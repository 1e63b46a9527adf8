package dk.indkoebsscreening.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The request's page only links to the withdrawal; a page of its own says what will happen, with the destructive
 * button and a way back. Opening it changes nothing, and whoever could not withdraw is refused there as at the step.
 */
class WithdrawalConfirmationTest extends ApiTestBase {

    private String status(String requestId) {
        return jdbc.sql("select status from purchase_request where id = ?").param(UUID.fromString(requestId))
                .query(String.class).single();
    }

    private long events(String requestId) {
        return jdbc.sql("select count(*) from outbox_event where request_id = ?").param(UUID.fromString(requestId))
                .query(Long.class).single();
    }

    @Test
    void theRequesterIsAskedFirstWithWhatWillHappenAndAWayBack() {
        String requestId = api.submit("anna", "Bekræft tilbagetrækning").get("id").asText();
        api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE");
        long eventsBefore = events(requestId);
        WebSession anna = new WebSession(port);
        anna.login("anna");

        String details = anna.get("/anmodninger/" + requestId).body();
        assertThat(details).as("the request's page withdraws nothing in one click")
                .contains("href=\"/anmodninger/" + requestId + "/traek-tilbage\"")
                .doesNotContain("action=\"/anmodninger/" + requestId + "/traek-tilbage\"");

        HttpResponse<String> confirmation = anna.get("/anmodninger/" + requestId + "/traek-tilbage");
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("Vil du trække anmodningen tilbage?", "Det kan ikke fortrydes",
                "class=\"button button-danger\"", "Nej, behold anmodningen", "href=\"/anmodninger/" + requestId + "\"",
                "method=\"post\"", "name=\"_csrf\"");
        assertThat(status(requestId)).as("asking changed nothing").isEqualTo("IN_TRIAGE");
        assertThat(events(requestId)).isEqualTo(eventsBefore);

        HttpResponse<String> tooLong = anna.postForm("/anmodninger/" + requestId + "/traek-tilbage",
                "/anmodninger/" + requestId + "/traek-tilbage", "reason=" + "x".repeat(2001));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).as("said on the confirmation, where the reason is").contains("Vil du trække anmodningen tilbage?", "højst");
        assertThat(status(requestId)).isEqualTo("IN_TRIAGE");

        HttpResponse<String> done = anna.postForm("/anmodninger/" + requestId + "/traek-tilbage",
                "/anmodninger/" + requestId + "/traek-tilbage", "reason=" + WebSession.encode("Ikke længere nødvendig"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(status(requestId)).isEqualTo("WITHDRAWN");
        assertThat(anna.get("/anmodninger/" + requestId + "/traek-tilbage").statusCode()).as("withdrawn already").isEqualTo(409);
    }

    @Test
    void nobodyButTheRequesterGetsTheConfirmation() {
        String requestId = api.submit("anna", "Bekræftelse kun for anmoder").get("id").asText();
        String path = "/anmodninger/" + requestId + "/traek-tilbage";
        for (String user : new String[] {"bent", Lifecycle.COORDINATOR, "sikkerhed"}) {
            WebSession other = new WebSession(port);
            other.login(user);
            assertThat(other.get(path).statusCode()).as(user).isEqualTo(user.equals("bent") ? 404 : 403);
        }
        WebSession anna = new WebSession(port);
        anna.login("anna");
        assertThat(anna.get("/anmodninger/" + UUID.randomUUID() + "/traek-tilbage").statusCode()).as("a guessed id").isEqualTo(404);
        assertThat(status(requestId)).isEqualTo("IN_TRIAGE");

        String decided = lifecycle.runToApproval("anna", "Afgjort, intet at bekræfte");
        assertThat(anna.get("/anmodninger/" + decided + "/traek-tilbage").statusCode()).isEqualTo(409);
    }
}
