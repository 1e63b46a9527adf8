package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.system.DatabaseOutage;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Browser;
import dk.indkoebsscreening.testsupport.CuttableLink;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.OwnJvm;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL goes away under the running application and comes back: the link to it is cut (every connection
 * reset, every new one refused), as the driver sees a restart or a failover. Every door answers 503 with
 * {@code Retry-After}, pages in Danish, never a 500 or a wrong-password answer; nothing sent meanwhile is
 * stored; health says DOWN and then UP; afterwards everything works again without a restart. The data source
 * goes through the link, so this class has an application context and a JVM of its own (surefire execution
 * {@code own-context-tests}). {@code bench/faults/postgres-killed.sh} kills the real server under load.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

    private static final int POSTGRES_PORT = freePort();
    private static final CuttableLink LINK = new CuttableLink(POSTGRES_PORT);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void throughTheLink(DynamicPropertyRegistry properties) {
        properties.add("indkoeb.embedded-postgres.port", () -> POSTGRES_PORT);
        properties.add("spring.datasource.hikari.jdbc-url", () -> "jdbc:postgresql://127.0.0.1:" + LINK.port() + "/postgres");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseOutage outage;

    private ApiClient api;
    private RawHttp http;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        http = new RawHttp(port);
        awaitRecovered();
    }

    @AfterEach
    void restore() {
        LINK.restore();
        awaitRecovered();
    }

    @Test
    void pagesTheApisAndHealthAnswerUnavailableUntilTheDatabaseIsBack() throws IOException {
        WebSession anna = new WebSession(port);
        anna.login("anna");
        assertThat(api.get("bent", "/api/requests?mine=true").status()).isEqualTo(200);

        LINK.cut();
        // The first request meets the failure in its controller; the ones after it the known outage.
        HttpResponse<String> page = anna.send("GET", "/anmodninger", null, null);
        assertThat(page.statusCode()).as(page.headers().map() + page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("10");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("<h1>Midlertidigt utilgængelig</h1>", "Prøv igen om lidt")
                .doesNotContain("Exception", "SQL", "Hikari", "postgres");
        awaitOutageKnown();

        assertUnavailableJson(http.get("bent", "/api/requests?mine=true"), "Indkøbsscreening er midlertidigt utilgængelig");
        assertUnavailableJson(http.send("GET", "/api/requests?mine=true", Map.of("Authorization", RawHttp.basic("bent"),
                "Accept-Language", "en"), null), "Indkøbsscreening is temporarily unavailable");
        assertUnavailableJson(http.get("admin", "/engine-rest/engine"), "midlertidigt utilgængelig");
        assertUnavailableJson(http.get("admin", "/camunda/api/engine/engine/default/task/count"), "midlertidigt utilgængelig");
        assertThat(anna.send("GET", "/anmodninger/ny", null, null).statusCode()).isEqualTo(503);

        RawHttp.Reply health = http.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("DOWN");
        // Health and the style sheet pass the known outage; a login they carry still meets it: 503, not 500.
        assertUnavailableJson(http.get("installation", "/actuator/health"), "midlertidigt utilgængelig");
        assertThat(http.get(null, "/css/app.css").status()).isEqualTo(200);

        LINK.restore();
        awaitRecovered();
        assertThat(anna.send("GET", "/anmodninger", null, null).statusCode()).isEqualTo(200);
        assertThat(api.get("bent", "/api/requests?mine=true").status()).isEqualTo(200);
    }

    /** A login needs the database: while it is away, the answer is "try again", not "wrong password" or 401. */
    @Test
    void aLoginWhileTheDatabaseIsAwayIsNotRefusedAsWrong() {
        WebSession dorte = new WebSession(port);
        String csrf = dorte.csrfToken("/login");
        LINK.cut();

        HttpResponse<String> login = dorte.send("POST", "/login", "application/x-www-form-urlencoded",
                ("username=sikkerhed&password=demo&_csrf=" + WebSession.encode(csrf)).getBytes(StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.body()).contains("Midlertidigt utilgængelig");
        assertUnavailableJson(http.get("kontrakt", "/api/tasks"), "midlertidigt utilgængelig");

        LINK.restore();
        awaitRecovered();
        assertThat(new WebSession(port).login("sikkerhed")).doesNotContain("error");
        assertThat(api.get("kontrakt", "/api/tasks").status()).isEqualTo(200);
    }

    /** Checked credentials of a JSON client, not yet remembered: the first call of the outage meets it in the login. */
    @Test
    void anApiCallWhoseLoginMeetsTheOutageGets503() {
        LINK.cut();
        assertUnavailableJson(http.get("support", "/api/tasks"), "midlertidigt utilgængelig");
        LINK.restore();
        awaitRecovered();
        assertThat(api.get("support", "/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void nothingSentWhileTheDatabaseIsAwayIsStored() {
        WebSession anna = new WebSession(port);
        anna.login("anna");
        String csrf = anna.csrfToken("/anmodninger/ny");
        int requests = count();
        int processes = runningProcesses();

        LINK.cut();
        assertThat(api.post("anna", "/api/requests", ApiClient.validRequest("Under udfaldet")).status()).isEqualTo(503);
        awaitOutageKnown();
        HttpResponse<String> form = anna.send("POST", "/anmodninger/ny", "application/x-www-form-urlencoded",
                ("title=Under+udfaldet+2&_csrf=" + WebSession.encode(csrf)).getBytes(StandardCharsets.UTF_8));
        assertThat(form.statusCode()).isEqualTo(503);
        // Both doors into the engine, as an administrator starting a process by hand.
        byte[] start = "{\"businessKey\":\"under-udfaldet\"}".getBytes(StandardCharsets.UTF_8);
        for (String engineApi : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
            assertUnavailableJson(http.send("POST", engineApi + "/process-definition/key/PurchaseScreeningProcess/start",
                    Map.of("Authorization", RawHttp.basic("admin"), "Content-Type", "application/json"), start),
                    "midlertidigt utilgængelig");
        }

        LINK.restore();
        awaitRecovered();
        assertThat(count()).isEqualTo(requests);
        assertThat(runningProcesses()).isEqualTo(processes);
        JsonNode submitted = api.submit("anna", "Efter udfaldet");
        assertThat(api.details("anna", submitted.path("id").asText()).path("title").asText()).isEqualTo("Efter udfaldet");
    }

    @Test
    void theUnavailablePageIsReadableOnADesktopAndAPhone() throws IOException {
        Browser.assumeInstalled();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.login("anna");
            LINK.cut();
            browser.open("/anmodninger");
            assertThat(browser.title()).startsWith("Midlertidigt utilgængelig");
            assertThat(browser.mainText()).contains("Prøv igen om lidt");
            browser.assertAccessible();
        }
    }

    private static void assertUnavailableJson(RawHttp.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.header("retry-after")).isEqualTo("10");
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        try {
            JsonNode body = JSON.readTree(reply.body());
            assertThat(body.path("status").asInt()).isEqualTo(503);
            assertThat(body.path("type").asText()).isEqualTo("about:blank");
            assertThat(body.path("title").asText()).isIn("Midlertidigt utilgængelig", "Service Unavailable");
            assertThat(body.path("detail").asText()).contains(message);
            assertThat(body.path("errors").isArray()).isTrue();
        } catch (IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }

    /**
     * From here on every request is answered at once, also those that need no database (the form above is refused
     * before it is read). A failure within seconds of the previous test's recovery counts as that outage's late news.
     */
    private void awaitOutageKnown() {
        Eventually.until("the outage is known", () -> http.get(null, "/actuator/health").status() == 503 && outage.inProgress());
    }

    private void awaitRecovered() {
        Eventually.until("health answers 200 again", () -> http.get(null, "/actuator/health").status() == 200);
    }

    private int runningProcesses() {
        return jdbc.sql("select count(*) from act_ru_execution where id_ = proc_inst_id_").query(Integer.class).single();
    }

    private int count() {
        return jdbc.sql("select count(*) from purchase_request").query(Integer.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
