package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camunda's REST API and the actuator are never open without the right login (the webapps: WebappAccessTest). */
class EngineAccessTest extends ApiTestBase {

    @Test
    void engineRestNeedsAnAdministrator() {
        assertThat(api.get(null, "/engine-rest/engine").status()).isEqualTo(401);
        assertThat(api.get("anna", "/engine-rest/engine").status()).isEqualTo(403);
        assertThat(api.get("koordinator", "/engine-rest/task").status()).isEqualTo(403);
        assertThat(api.get("admin", "/engine-rest/engine").status()).isEqualTo(200);
    }

    @Test
    void expressionsInRestQueriesAreRefusedEvenForAdministrators() {
        Map<String, Object> injected = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${1+1}")));

        assertThat(api.post("admin", "/engine-rest/task", injected).status()).isEqualTo(400);
        assertThat(api.get("admin", "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D").status()).isEqualTo(400);
        assertThat(api.post("admin", "/engine-rest/task", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theJsonApiNeedsALogin() {
        assertThat(api.get(null, "/api/tasks").status()).isEqualTo(401);
        assertThat(api.get("anna", "/api/tasks").status()).isEqualTo(200);
        assertThat(api.get("anna", "/api/tasks?").status()).isEqualTo(200);
    }

    @Test
    void metricsAreForAdministratorsAndHealthDetailsToo() {
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health").body().has("components")).isFalse();
        assertThat(api.get("admin", "/actuator/health").body().get("components").has("outbox")).isTrue();
        assertThat(api.get("anna", "/actuator/metrics").status()).isEqualTo(403);
        assertThat(api.get("admin", "/actuator/metrics/indkoeb.outbox.backlog").status()).isEqualTo(200);
    }

    @Test
    void aKnownUsersWrongPasswordIsRefusedAndTheRightOneStillWorks() {
        RawHttp http = new RawHttp(port);

        assertThat(http.get("anna", "forkert", "/api/tasks").status()).isEqualTo(401);
        assertThat(http.get("anna", "demo", "/api/tasks").status()).isEqualTo(200);
        assertThat(http.get("ukendt", "demo", "/api/tasks").status()).isEqualTo(401);
    }
}
