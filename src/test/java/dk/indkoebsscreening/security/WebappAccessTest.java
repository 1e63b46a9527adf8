package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Camunda's webapps (Cockpit, Admin, Tasklist, Welcome) and every API under {@code /camunda/api/} are
 * for administrators only, whichever way a logged-in employee knocks; administrators reach them with
 * the application's own login.
 */
class WebappAccessTest extends ApiTestBase {

    static final List<String> NON_ADMINS = List.of("anna", "sikkerhed", Lifecycle.COORDINATOR);
    static final List<String> PAGES = List.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
            "/camunda/app/tasklist/default/", "/camunda/app/welcome/default/",
            // The same files as Spring Boot also serves them from the class path's root.
            "/webjars/camunda/app/tasklist/scripts/config.js", "/plugin/cockpit/app/plugin.js",
            "/camunda-welcome/index.html");
    static final List<String> APIS = List.of(
            "/camunda/api/engine/engine/default/task/count",
            "/camunda/api/engine/engine/default/process-instance",
            "/camunda/api/engine/engine/default/variable-instance",
            "/camunda/api/admin/auth/user/default",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "/camunda/api/tasklist/plugin/tasklist-plugin/default/process-definitions");
    static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";

    @Test
    void withoutALoginTheApisSay401AndThePagesSendToTheLoginPage() {
        RawHttp http = new RawHttp(port);
        for (String api : APIS) {
            assertThat(http.get(null, api).status()).as(api).isEqualTo(401);
        }
        for (String page : PAGES) {
            RawHttp.Reply reply = http.send("GET", page, Map.of("Accept", "text/html"), null);
            assertThat(reply.status()).as(page).isEqualTo(302);
            assertThat(reply.header("Location")).as(page).endsWith("/login");
        }
    }

    @Test
    void everyoneButAdministratorsGets403FromEveryPageAndApiWithBasicOrASession() {
        RawHttp http = new RawHttp(port);
        for (String user : NON_ADMINS) {
            WebSession browser = new WebSession(port);
            browser.login(user);
            for (String path : concat(PAGES, APIS)) {
                assertThat(http.get(user, path).status()).as(user + " Basic " + path).isEqualTo(403);
                assertThat(browser.get(path).statusCode()).as(user + " session " + path).isEqualTo(403);
            }
        }
    }

    @Test
    void theWebappsOwnLoginIsClosedToEveryoneButAdministrators() {
        for (String user : NON_ADMINS) {
            for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
                WebSession browser = new WebSession(port);
                HttpResponse<String> login = browser.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                        "application/x-www-form-urlencoded", ("username=" + user + "&password=demo").getBytes(StandardCharsets.UTF_8));

                assertThat(login.statusCode()).as(user + " " + app).isEqualTo(401);
                // Nothing was established: the session opens no webapp API either.
                assertThat(browser.get(TASK_COUNT).statusCode()).isEqualTo(401);
            }
            WebSession loggedIn = new WebSession(port);
            loggedIn.login(user);
            HttpResponse<String> login = loggedIn.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                    "application/x-www-form-urlencoded", ("username=" + user + "&password=demo").getBytes(StandardCharsets.UTF_8));
            assertThat(login.statusCode()).as(user).isEqualTo(403);
            assertThat(loggedIn.get(TASK_COUNT).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void encodedAndDisguisedPathsGetNoFurther() {
        RawHttp http = new RawHttp(port);
        List<String> disguises = List.of(
                "/camunda//api/engine/engine/default/task/count",
                "/camunda/./api/engine/engine/default/task/count",
                "/camunda/app/../api/engine/engine/default/task/count",
                "/camunda/app/%2e%2e/api/engine/engine/default/task/count",
                "/camunda/api/engine/engine/default/task/count;jsessionid=x",
                "/camunda;x=y/api/engine/engine/default/task/count",
                "/%63amunda/api/engine/engine/default/task/count",
                "/camunda%2Fapi%2Fengine%2Fengine%2Fdefault%2Ftask%2Fcount",
                "/camunda/api/engine/engine/default/task/count%00",
                "/camunda\\api\\engine\\engine\\default\\task\\count",
                "/CAMUNDA/api/engine/engine/default/task/count",
                "/Camunda/API/engine/engine/default/task/count");
        for (String user : NON_ADMINS) {
            for (String path : disguises) {
                RawHttp.Reply reply = http.get(user, path);
                assertThat(reply.status()).as(user + " " + path).isBetween(400, 404);
                assertThat(reply.body()).as(user + " " + path).doesNotContain("\"count\"");
                if (reply.status() == 400) {
                    assertThat(reply.header("X-Content-Type-Options")).as(user + " " + path).isEqualTo("nosniff");
                }
            }
        }
    }

    @Test
    void administratorsReachTheWebappsWithTheApplicationsLogin() {
        WebSession admin = new WebSession(port);
        admin.login("admin");

        assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> count = admin.get(TASK_COUNT);
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).startsWith("{\"count\":");
        HttpResponse<String> user = admin.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"admin\"").contains("cockpit");
        // The webapps' own login form still works for an administrator (its form body passes the input guard).
        HttpResponse<String> formLogin = admin.send("POST", "/camunda/api/admin/auth/user/default/login/cockpit",
                "application/x-www-form-urlencoded", "username=admin&password=demo".getBytes(StandardCharsets.UTF_8));
        assertThat(formLogin.statusCode()).as(formLogin.body()).isEqualTo(200);
    }

    @Test
    void tasklistsFormLinkShowsAnAdministratorTheRequestAndNoOneElseAnything() {
        String requestId = api.submit("anna", "Set fra Tasklist").get("id").asText();
        String taskId = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        assertThat(api.redirectOf("admin", "/fra-tasklist?taskId=" + taskId)).endsWith("/anmodninger/" + requestId);
        for (String user : NON_ADMINS) {
            assertThat(api.raw(user, "GET", "/fra-tasklist?taskId=" + taskId, null, null).status()).isEqualTo(403);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
