package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Camunda's REST API and webapps are never open without the right login. */
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
    void webappApisNeedALogin() {
        assertThat(api.get(null, "/camunda/api/engine/engine/default/task/count").status()).isIn(401, 403);
        assertThat(api.get(null, "/api/tasks").status()).isEqualTo(401);
        assertThat(api.get("anna", "/api/tasks").status()).isEqualTo(200);
        assertThat(api.get("anna", "/api/tasks?").status()).isEqualTo(200);
    }

    @Test
    void tasklistShowsAnExpertTheSameTasksAsTheApplication() throws Exception {
        lifecycle.submitAndAccept("anna", "Samme opgaver i Tasklist");
        WebappSession tasklist = new WebappSession("tasklist");

        assertThat(tasklist.login("sikkerhed")).isEqualTo(200);
        HttpResponse<String> count = tasklist.browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count"))
                .header("X-XSRF-TOKEN", tasklist.xsrf).build(), BodyHandlers.ofString());

        assertThat(count.body()).isEqualTo("{\"count\":" + api.tasks("sikkerhed").size() + "}");
        assertThat(api.tasks("sikkerhed")).isNotEmpty();
    }

    @Test
    void cockpitIsForAdministratorsOnly() throws Exception {
        WebappSession cockpit = new WebappSession("cockpit");

        assertThat(cockpit.login("anna")).isEqualTo(403);
        assertThat(cockpit.login("admin")).isEqualTo(200);
    }

    /** A browser session with one of Camunda's webapps, which has its own login and CSRF token. */
    private final class WebappSession {

        final String app;
        final HttpClient browser;
        final String xsrf;

        WebappSession(String app) throws Exception {
            this.app = app;
            CookieManager cookies = new CookieManager();
            browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(), BodyHandlers.discarding());
            xsrf = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        }

        int login(String user) throws Exception {
            return browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                    .header("X-XSRF-TOKEN", xsrf)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("username=" + user + "&password=demo")).build(), BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
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
    void wrongPasswordIsRefused() {
        assertThat(new ApiClient(port).get("nobody", "/api/tasks").status()).isEqualTo(401);
    }
}
