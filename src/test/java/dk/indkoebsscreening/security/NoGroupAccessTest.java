package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A login in none of our groups (here a user of the identity service without memberships; through OpenID Connect see
 * SingleSignOnBrowserTest) gets nothing through any door: our pages and forms, the JSON API, /engine-rest and the
 * webapps' API under /camunda/api/, with HTTP Basic and with a session; and nothing is created.
 */
class NoGroupAccessTest extends ApiTestBase {

    private static final String OUTSIDER = "udenfor";

    @Autowired
    IdentityService identity;

    @BeforeEach
    void userWithoutGroups() {
        User user = identity.newUser(OUTSIDER);
        user.setFirstName("Uden");
        user.setLastName("Gruppe");
        user.setPassword("demo");
        identity.saveUser(user);
    }

    @AfterEach
    void removeUser() {
        identity.deleteUser(OUTSIDER);
    }

    @Test
    void everyDoorRefusesAndNothingIsCreated() {
        int requests = count("purchase_request");
        int systems = count("registered_system");
        RawHttp basic = new RawHttp(port);
        for (String path : List.of("/api/requests?mine=true", "/api/tasks", "/api/register", "/api/me/absence",
                "/engine-rest/engine", "/engine-rest/task", "/camunda/api/engine/engine/default/task/count",
                "/camunda/api/admin/auth/user/default", "/anmodninger", "/API/requests", "/api//requests", "/api/requests;x=1",
                "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui/index.html",
                "/docs/asyncapi.yaml", "/docs/schemas/decision-made.v1.json")) {
            assertThat(basic.get(OUTSIDER, path).status()).as("Basic " + path).isIn(400, 403);
        }
        assertThat(api.post(OUTSIDER, "/api/requests", Map.of("title", "Udefra", "systemName", "Udefra")).status())
                .isEqualTo(403);
        assertThat(api.post(OUTSIDER, "/api/register", Map.of("name", "Udefra")).status()).isEqualTo(403);

        WebSession session = new WebSession(port);
        session.login(OUTSIDER);
        var page = session.get("/anmodninger/ny");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Du har ikke adgang endnu", "Uden Gruppe (udenfor)");
        assertThat(session.postForm("/ingen-adgang", "/anmodninger/ny", "title=Udefra&systemName=Udefra").statusCode())
                .as("a form with a valid CSRF token").isEqualTo(403);
        assertThat(session.postForm("/ingen-adgang", "/systemer/ny", "name=Udefra").statusCode()).isEqualTo(403);
        assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);

        assertThat(count("purchase_request")).isEqualTo(requests);
        assertThat(count("registered_system")).isEqualTo(systems);
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
