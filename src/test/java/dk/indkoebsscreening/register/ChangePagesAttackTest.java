package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pages that change the register and withdraw a request, attacked with a logged-in browser session and a
 * valid CSRF token by those who may not: refused, and nothing changed.
 */
class ChangePagesAttackTest extends ApiTestBase {

    private long systems() {
        return jdbc.sql("select count(*) from registered_system").query(Long.class).single();
    }

    private String lastChange() {
        return jdbc.sql("select coalesce(max(updated_at)::text, '') from registered_system").query(String.class).single();
    }

    @Test
    void staffAndExpertsCannotChangeTheRegisterThroughItsPages() {
        String id = api.post(Lifecycle.COORDINATOR, "/api/register", Map.of("name", "Sidebeskyttet system")).body()
                .get("id").asText();
        long before = systems();
        String changedBefore = lastChange();
        for (String user : new String[] {"anna", "sikkerhed", "admin"}) {
            WebSession session = new WebSession(port);
            session.login(user);
            assertThat(session.postForm("/indstillinger", "/systemer/ny", "name=Indsneget").statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm("/indstillinger", "/systemer/" + id, "name=Omd%C3%B8bt").statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm("/indstillinger", "/systemer/" + id + "/udfas", "").statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm("/indstillinger", "/systemer/import", "").statusCode()).as(user).isEqualTo(403);
            assertThat(session.get("/systemer/ny").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(systems()).isEqualTo(before);
        assertThat(lastChange()).isEqualTo(changedBefore);
        assertThat(api.get("anna", "/api/register/" + id).body().get("name").asText()).isEqualTo("Sidebeskyttet system");
    }

    @Test
    void onlyTheRequesterWithdrawsThroughThePage() {
        String requestId = api.submit("anna", "Forsøg på at trække andres anmodning tilbage").get("id").asText();
        for (String user : new String[] {"bent", Lifecycle.COORDINATOR}) {
            WebSession session = new WebSession(port);
            session.login(user);
            int status = session.postForm("/indstillinger", "/anmodninger/" + requestId + "/traek-tilbage", "reason=ikke+min")
                    .statusCode();
            assertThat(status).as(user).isIn(403, 404);
        }
        assertThat(jdbc.sql("select status from purchase_request where id = ?").param(UUID.fromString(requestId))
                .query(String.class).single()).isEqualTo("IN_TRIAGE");
        api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE");
    }
}
