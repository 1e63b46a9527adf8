package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A system that came in without a screening stays in the steering report's list until a coordinator links it to the
 * request that screened it or exempts it with a reason; nobody else can, and a bad reference or reason changes nothing.
 */
class ScreeningOfSystemsTest extends ApiTestBase {

    @Test
    void theCoordinatorLinksOneSystemToItsRequestAndExemptsAnotherAndTheReportNoLongerListsThem() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String linked = system("Uden screening A " + tag);
        String exempted = system("Uden screening B " + tag);
        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        // The report shows the figures it has at once and counts newer ones in the background.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(coordinator.get("/styring").body()).contains("Uden screening A " + tag, "Uden screening B " + tag));
        assertThat(coordinator.get("/systemer/" + linked).body()).contains("Systemet kom ind i systemoversigten uden en screening");

        String requestId = lifecycle.runToApproval("anna", "Screenede system " + tag);
        String reference = api.details("anna", requestId).get("reference").asText();
        String undecided = api.details("anna", api.submit("anna", "Ikke afgjort " + tag).get("id").asText()).get("reference").asText();
        HttpResponse<String> notApproved = coordinator.postForm("/systemer/" + linked, "/systemer/" + linked + "/screening/anmodning",
                "reference=" + undecided);
        assertThat(notApproved.statusCode()).isEqualTo(400);
        assertThat(notApproved.body()).contains(undecided + " er ikke godkendt");
        HttpResponse<String> link = coordinator.postForm("/systemer/" + linked, "/systemer/" + linked + "/screening/anmodning",
                "reference=" + WebSession.encode(" " + reference.toLowerCase() + " "));
        assertThat(link.statusCode()).isEqualTo(302);
        HttpResponse<String> exempt = coordinator.postForm("/systemer/" + exempted, "/systemer/" + exempted + "/screening/undtag",
                "reason=" + WebSession.encode("Gratis app uden persondata."));
        assertThat(exempt.statusCode()).isEqualTo(302);

        assertThat(coordinator.get("/systemer/" + linked).body()).contains("Screenet og godkendt i", reference);
        assertThat(jdbc.sql("select count(*) from registered_system where request_id = ?::uuid").param(requestId).query(Long.class).single())
                .as("the approval keeps its own row").isEqualTo(1);
        assertThat(coordinator.get("/systemer/" + exempted).body()).contains("Undtaget fra screening: Gratis app uden persondata. (Karen Koordinator");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(coordinator.get("/styring").body()).doesNotContain("Uden screening A " + tag, "Uden screening B " + tag));
    }

    @Test
    void nobodyButACoordinatorSaysSoAndABadReferenceOrReasonChangesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = system("Uden screening C " + tag);
        String ours = jdbc.sql("select tenant_id from registered_system where id = ?::uuid").param(id).query(String.class).single();
        // Sydby's request, its reference read across municipalities as only a test may.
        String sydbys = api.submit("sofie", "Sydbys system " + tag).get("id").asText();
        String theirs = Tenancy.callAcross(() -> jdbc.sql("select reference from purchase_request where id = ?::uuid and tenant_id <> ?")
                .params(sydbys, ours).query(String.class).single());
        for (String user : List.of("anna", "sikkerhed", "installation")) {
            WebSession session = new WebSession(port);
            session.login(user);
            assertThat(session.postForm("/indstillinger", "/systemer/" + id + "/screening/undtag", "reason=Ingen+grund").statusCode())
                    .as(user).isIn(403, 404);
        }
        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        for (String reference : List.of("", "IND-2026-99999", theirs, "x".repeat(500))) {
            HttpResponse<String> refused = coordinator.postForm("/systemer/" + id, "/systemer/" + id + "/screening/anmodning",
                    "reference=" + WebSession.encode(reference));
            assertThat(refused.statusCode()).as(reference).isEqualTo(400);
            // Sydby's reference is unknown in Nordby, or names Nordby's own request of the same number (each municipality
            // counts its own), never Sydby's.
            assertThat(refused.body()).as(reference).containsAnyOf("Skriv referencen", "Kommunen har ingen anmodning med referencen",
                    "er ikke godkendt");
        }
        for (String reason : List.of("", "   ", "x".repeat(1001), "skjult\u202Etekst")) {
            HttpResponse<String> refused = coordinator.postForm("/systemer/" + id, "/systemer/" + id + "/screening/undtag",
                    "reason=" + WebSession.encode(reason));
            assertThat(refused.statusCode()).as(reason).isEqualTo(400);
        }
        assertThat(jdbc.sql("""
                select count(*) from registered_system where id = ?::uuid and request_id is null and screened_by_request_id is null
                   and screening_exempt_reason is null""")
                .param(id).query(Long.class).single()).as("nothing changed").isEqualTo(1);
    }

    private String system(String name) {
        return api.post(Lifecycle.COORDINATOR, "/api/register", Map.of("name", name, "department", "Kultur og Fritid"))
                .body().get("id").asText();
    }
}
