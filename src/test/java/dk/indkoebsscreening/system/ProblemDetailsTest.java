package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Every error of the JSON API and every refusal of {@code /engine-rest}, provoked through the whole application, is
 * RFC 9457 {@code application/problem+json} in one shape (type, title, status, detail, instance, errors), in Danish
 * unless the caller asks for English, whatever the {@code Accept} header says; and the refused call changed nothing.
 */
class ProblemDetailsTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECOND_EXPERT = "sune";
    private static final String OURS = "urn:indkoebsscreening:problem:";
    private static final List<String> ACCEPTS = List.of("application/json", "application/xml", "text/plain", "text/html",
            "*/*", "", "garbage;;q=x");

    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    @Qualifier("machineErrorDispatch")
    FilterRegistrationBean<?> machineErrors;

    @RegisterExtension
    final LogCapture log = new LogCapture(Logger.ROOT_LOGGER_NAME);

    @Test
    void invalidInputNamesEveryFieldAndStoresNothing() {
        long before = requests();
        byte[] body = "{\"title\":\"\"}".getBytes(StandardCharsets.UTF_8);

        JsonNode danish = problem(send("anna", "POST", "/api/requests", "application/json", body, "da", null),
                400, OURS + "invalid-input", "/api/requests");
        assertThat(danish.get("title").asText()).isEqualTo("Ugyldigt input");
        assertThat(danish.get("detail").asText()).isEqualTo("Nogle felter er ikke udfyldt korrekt.");
        assertThat(danish.get("errors").findValuesAsText("field")).contains("title", "systemName", "vendor").isSorted();
        assertThat(danish.get("errors").findValuesAsText("message")).allMatch(message -> !message.isBlank());
        JsonNode english = problem(send("anna", "POST", "/api/requests", "application/json", body, "en", null),
                400, OURS + "invalid-input", "/api/requests");
        assertThat(english.get("title").asText()).isEqualTo("Invalid input");
        assertThat(english.get("detail").asText()).isEqualTo("Some fields are not filled in correctly.");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void anUnreadableBodyIsSaidToBeOne() {
        long before = requests();
        byte[] broken = "{\"title\":".getBytes(StandardCharsets.UTF_8);
        JsonNode danish = problem(send("anna", "POST", "/api/requests", "application/json", broken, "da", null),
                400, OURS + "unreadable-body", "/api/requests");
        assertThat(danish.get("detail").asText()).startsWith("Forespørgslen kunne ikke læses som JSON");
        assertThat(danish.get("errors")).isEmpty();
        assertThat(problem(send("anna", "POST", "/api/requests", "application/json", broken, "en", null),
                400, OURS + "unreadable-body", "/api/requests").get("detail").asText())
                .startsWith("The request body could not be read as JSON");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void pagingBeyondTheLimitIsRefusedNamingTheParameterAndTheBounds() {
        JsonNode size = problem(send("anna", "GET", "/api/requests/search?size=5000", null, null, "da", null),
                400, OURS + "page-out-of-range", "/api/requests/search");
        assertThat(size.get("title").asText()).isEqualTo("Uden for sidernes grænser");
        assertThat(size.get("detail").asText()).isEqualTo("Parameteren „size“ skal være mellem 1 og 1000.");
        assertThat(size.get("errors").get(0).get("field").asText()).isEqualTo("size");
        assertThat(size.get("errors").get(0).get("message").asText()).isEqualTo("Skal være mellem 1 og 1000.");

        JsonNode limit = problem(send("anna", "GET", "/api/requests?limit=1001", null, null, "en", null),
                400, OURS + "page-out-of-range", "/api/requests");
        assertThat(limit.get("detail").asText()).isEqualTo("The parameter \"limit\" must be between 1 and 1000.");
        assertThat(limit.get("errors").findValuesAsText("field")).containsExactly("limit");
        JsonNode beyond = problem(send("anna", "GET", "/api/requests/search?q=ingen-saadan-side&page=3", null, null, "da", null),
                400, OURS + "page-out-of-range", "/api/requests/search");
        assertThat(beyond.get("detail").asText()).as("no match: one empty page").isEqualTo("Parameteren „page“ skal være mellem 1 og 1.");
        assertThat(problem(send("anna", "GET", "/api/register?page=100000", null, null, "en", null), 400, OURS + "page-out-of-range",
                "/api/register").get("errors").findValuesAsText("field")).containsExactly("page");
        assertThat(problem(send("anna", "GET", "/api/register?page=abc", null, null, "da", null), 400, OURS + "invalid-input",
                "/api/register").get("errors").findValuesAsText("field")).containsExactly("page");
        for (String outside : List.of("/api/requests?limit=0", "/api/requests/search?size=0", "/api/requests/search?page=0",
                "/api/register?page=0")) {
            problem(send("anna", "GET", outside, null, null, "da", null), 400, OURS + "page-out-of-range", outside.split("\\?")[0]);
        }

        assertThat(api.get("anna", "/api/requests/search?size=1000").status()).as("the maximum itself").isEqualTo(200);
        assertThat(api.get("anna", "/api/requests?limit=1000").status()).isEqualTo(200);
        assertThat(api.get("anna", "/api/requests/search?q=ingen-saadan-side&page=1").status()).as("the one empty page").isEqualTo(200);
        assertThat(api.get("anna", "/api/register?page=1").status()).isEqualTo(200);
    }

    @Test
    void noOrWrongCredentialsAre401WithTheChallenge() {
        RawHttp.Reply none = send(null, "GET", "/api/tasks", null, null, "da", null);
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
        JsonNode danish = problem(none, 401, "about:blank", "/api/tasks");
        assertThat(danish.get("title").asText()).isEqualTo("Ikke logget ind");
        assertThat(danish.get("detail").asText()).contains("HTTP Basic");
        assertThat(problem(send(null, "GET", "/api/tasks", null, null, "en", null), 401, "about:blank", "/api/tasks")
                .get("title").asText()).isEqualTo("Unauthorized");

        RawHttp.Reply wrong = new RawHttp(port).send("GET", "/api/tasks",
                Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("ukendt-" + UUID.randomUUID() + ":forkert").getBytes(StandardCharsets.UTF_8))), null);
        problem(wrong, 401, "about:blank", "/api/tasks");
    }

    @Test
    void accessDeniedIs403InTheFilterChainInTheApplicationAndOnTheEngineApi() {
        JsonNode chain = problem(send("anna", "GET", "/api/admin/login-delays", null, null, "da", null),
                403, "about:blank", "/api/admin/login-delays");
        assertThat(chain.get("title").asText()).isEqualTo("Ingen adgang");
        assertThat(chain.get("detail").asText()).isEqualTo("Du har ikke adgang til dette.");
        assertThat(problem(send("anna", "GET", "/api/admin/login-delays", null, null, "en", null),
                403, "about:blank", "/api/admin/login-delays").get("title").asText()).isEqualTo("Forbidden");

        // The security expert reads Anna's request but did not submit it: the application refuses the withdrawal.
        String requestId = api.submit("anna", "Ikke din at trække tilbage").get("id").asText();
        String withdraw = "/api/requests/" + requestId + "/withdraw";
        JsonNode application = problem(send("sikkerhed", "POST", withdraw, "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                "en", null), 403, "about:blank", withdraw);
        assertThat(application.get("detail").asText()).isEqualTo("You do not have access to this.");
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("IN_TRIAGE");

        JsonNode engine = problem(send("anna", "GET", "/engine-rest/engine", null, null, "da", null), 403, "about:blank",
                "/engine-rest/engine");
        assertThat(engine.get("title").asText()).isEqualTo("Ingen adgang");
        // The other machines' doors refuse the same way.
        for (String door : List.of("/actuator/env", "/camunda/api/engine/engine/default/task/count")) {
            problem(send("anna", "GET", door, null, null, "da", null), 403, "about:blank", door);
        }
    }

    @Test
    void anUnknownRouteAndAnUnknownRequestAre404() {
        JsonNode route = problem(send("anna", "GET", "/api/nothing-here", null, null, "da", null), 404, "about:blank",
                "/api/nothing-here");
        assertThat(route.get("title").asText()).isEqualTo("Findes ikke");
        assertThat(route.get("detail").asText()).isEqualTo("Findes ikke, eller du har ikke adgang.");
        String unknown = "/api/requests/" + UUID.randomUUID();
        assertThat(problem(send("anna", "GET", unknown, null, null, "en", null), 404, "about:blank", unknown)
                .get("title").asText()).isEqualTo("Not Found");
        // Who may not be there learns nothing of which routes exist: the door refuses before any route is looked up.
        problem(send(null, "GET", "/api/nothing-here", null, null, "da", null), 401, "about:blank", "/api/nothing-here");
        problem(send("anna", "GET", "/api/admin/nothing-here", null, null, "da", null), 403, "about:blank",
                "/api/admin/nothing-here");
        // The API's and the engine API's roots are theirs too, not pages.
        for (String root : List.of("/api", "/engine-rest")) {
            problem(send(null, "GET", root, null, null, "da", "application/json"), 401, "about:blank", root);
        }
        problem(send("anna", "GET", "/api", null, null, "da", "application/json"), 404, "about:blank", "/api");
        // No absence marked: the 404 of a call that found nothing, not an empty body.
        problem(send("bent", "GET", "/api/me/absence", null, null, "da", null), 404, "about:blank", "/api/me/absence");
    }

    @Test
    void aMethodNoRouteTakesIs405() {
        JsonNode danish = problem(send("anna", "PUT", "/api/requests/search", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                "da", null), 405, "about:blank", "/api/requests/search");
        assertThat(danish.get("detail").asText()).isEqualTo("Den metode kan ikke bruges her.");
        assertThat(problem(send("anna", "DELETE", "/api/tasks", "application/json", null, "en", null), 405, "about:blank",
                "/api/tasks").get("title").asText()).isEqualTo("Method Not Allowed");
    }

    @Test
    void anAnswerTheCallerDoesNotAcceptIs406AndEveryOtherAcceptGetsTheAnswer() {
        String requestId = api.submit("anna", "Kun JSON og problemer").get("id").asText();
        String path = "/api/requests/" + requestId;
        JsonNode xml = problem(send("anna", "GET", path, null, null, "da", "application/xml"), 406, "about:blank", path);
        assertThat(xml.get("detail").asText()).contains("Accept");
        assertThat(problem(send("anna", "GET", path, null, null, "en", "text/html"), 406, "about:blank", path)
                .get("title").asText()).isEqualTo("Not Acceptable");
        for (String accept : List.of("application/json", "*/*", "")) {
            RawHttp.Reply answer = send("anna", "GET", path, null, null, "da", accept);
            assertThat(answer.status()).as(accept).isEqualTo(200);
            assertThat(answer.header("Content-Type")).as(accept).startsWith("application/json");
        }
    }

    @Test
    void aStepTheRequestsStatusNoLongerAllowsIsAnIllegalTransitionThatNamesTheRequest() {
        String requestId = api.submit("anna", "Trukket tilbage to gange").get("id").asText();
        String withdraw = "/api/requests/" + requestId + "/withdraw";
        assertThat(api.post("anna", withdraw, Map.of()).status()).isEqualTo(204);
        Eventually.until("the withdrawal recorded", () -> withdrawals(requestId) == 1);

        JsonNode danish = problem(send("anna", "POST", withdraw, "application/json", "{}".getBytes(StandardCharsets.UTF_8), "da", null),
                409, OURS + "illegal-transition", withdraw);
        assertThat(danish.get("title").asText()).isEqualTo("Ikke muligt nu");
        assertThat(danish.get("detail").asText()).isEqualTo("Anmodningen har status „Trukket tilbage“, så det kan ikke gøres nu.");
        JsonNode english = problem(send("anna", "POST", withdraw, "application/json", "{}".getBytes(StandardCharsets.UTF_8), "en", null),
                409, OURS + "illegal-transition", withdraw);
        assertThat(english.get("detail").asText()).isEqualTo("The request's status is \"Withdrawn\", so this cannot be done now.");
        assertThat(withdrawals(requestId)).isEqualTo(1);
    }

    @Test
    void aTaskSomeoneElseTookIsAConflict() {
        if (identity.createUserQuery().userId(SECOND_EXPERT).count() == 0) {
            User second = identity.newUser(SECOND_EXPERT);
            second.setPassword("demo");
            identity.saveUser(second);
            identity.createMembership(SECOND_EXPERT, Area.SECURITY.candidateGroup());
        }
        String requestId = lifecycle.submitAndAccept("anna", "Taget af en anden");
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        assertThat(api.post("sikkerhed", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);

        String claim = "/api/tasks/" + task + "/claim";
        JsonNode danish = problem(send(SECOND_EXPERT, "POST", claim, "application/json", null, "da", null), 409, OURS + "conflict", claim);
        assertThat(danish.get("title").asText()).isEqualTo("Ændret af en anden");
        assertThat(danish.get("detail").asText()).isEqualTo("Opgaven er allerede løst eller tildelt en anden.");
        assertThat(problem(send(SECOND_EXPERT, "POST", claim, "application/json", null, "en", null), 409, OURS + "conflict", claim)
                .get("title").asText()).isEqualTo("Changed by someone else");
        assertThat(claims(requestId)).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("sikkerhed");
        identity.deleteUser(SECOND_EXPERT);
    }

    @Test
    void tooLargeIs413ForTheBodyAndForAFile() {
        long before = requests();
        byte[] large = ("[\"" + "x".repeat(2 * 1024 * 1024) + "\"]").getBytes(StandardCharsets.UTF_8);
        JsonNode body = problem(send("anna", "POST", "/api/requests", "application/json", large, "da", null), 413, "about:blank",
                "/api/requests");
        assertThat(body.get("title").asText()).isEqualTo("For stor");
        assertThat(requests()).isEqualTo(before);

        String requestId = api.submit("anna", "Med en for stor fil").get("id").asText();
        long files = attachments(requestId);
        Files.Multipart file = Files.file("stor.pdf", "application/pdf", new byte[26 * 1024 * 1024]);
        String path = "/api/requests/" + requestId + "/attachments";
        RawHttp.Reply tooLarge = new RawHttp(port).send("POST", path, Map.of("Authorization", RawHttp.basic("anna"),
                "Accept-Language", "en", "X-Requested-By", "indkoeb-tests", "Content-Type", file.contentType()), file.body());
        JsonNode refused = problem(tooLarge, 413, OURS + "refused-file", path);
        assertThat(refused.get("detail").asText()).isEqualTo("The file is too large: at most 25 MB per file.");
        assertThat(attachments(requestId)).isEqualTo(files);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        long before = requests();
        JsonNode danish = problem(send("anna", "POST", "/api/requests", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), "da", null),
                415, "about:blank", "/api/requests");
        assertThat(danish.get("detail").asText()).isEqualTo("Forespørgslen skal sendes som JSON (Content-Type: application/json).");
        assertThat(problem(send("anna", "POST", "/api/requests", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), "en", null),
                415, "about:blank", "/api/requests").get("title").asText()).isEqualTo("Unsupported Media Type");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyUsedForAnotherRequestIs422() throws IOException {
        String key = UUID.randomUUID().toString();
        byte[] first = JSON.writeValueAsBytes(ApiClient.validRequest("Første med nøglen"));
        byte[] other = JSON.writeValueAsBytes(ApiClient.validRequest("Anden med samme nøgle"));
        Map<String, String> headers = Map.of("Authorization", RawHttp.basic("anna"), "Content-Type", "application/json",
                "Idempotency-Key", key);
        assertThat(new RawHttp(port).send("POST", "/api/requests", headers, first).status()).isEqualTo(201);
        long before = requests();

        Map<String, String> english = new LinkedHashMap<>(headers);
        english.put("Accept-Language", "en");
        JsonNode repeated = problem(new RawHttp(port).send("POST", "/api/requests", english, other), 422, OURS + "repeated-input",
                "/api/requests");
        assertThat(repeated.get("title").asText()).isEqualTo("Already used");
        assertThat(problem(new RawHttp(port).send("POST", "/api/requests", headers, other), 422, OURS + "repeated-input",
                "/api/requests").get("title").asText()).isEqualTo("Allerede brugt");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void guessingIs429WithRetryAfter() {
        String user = "gaetter-" + UUID.randomUUID();
        RawHttp guesser = new RawHttp(port, "127.0.0.3");
        RawHttp.Reply danish = guessUntilDelayed(guesser, user, "/api/tasks", "da");
        assertThat(danish.header("Retry-After")).isNotNull();
        JsonNode delayed = problem(danish, 429, "about:blank", "/api/tasks");
        assertThat(delayed.get("title").asText()).isEqualTo("For mange forsøg");
        assertThat(delayed.get("detail").asText()).startsWith("For mange forkerte forsøg. Vent");
        RawHttp.Reply english = guessUntilDelayed(guesser, user, "/engine-rest/engine", "en");
        assertThat(problem(english, 429, "about:blank", "/engine-rest/engine").get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void whatTomcatRefusesBeforeTheApplicationIsAProblemWithoutAnInstance() {
        RawHttp.Reply english = send("anna", "GET", "/api/requests%2Fsearch", null, null, "en", "text/html");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = read(english.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("detail").asText()).isEqualTo("The request is invalid.");
        assertThat(problem.has("instance")).as("the path Tomcat could not take is not echoed").isFalse();
        assertThat(problem.get("errors")).isEmpty();
        assertThat(read(send("anna", "GET", "/api/requests%2Fsearch", null, null, "da", null).body()).get("title").asText())
                .isEqualTo("Ugyldig forespørgsel");
    }

    /**
     * A path parameter, a session id in the address included, is refused before the application reads anything: the
     * request is not stored, and the problem names the path asked for without echoing the parameter.
     */
    @Test
    void aSessionIdInTheAddressIsRefusedStoresNothingAndIsNotEchoed() throws IOException {
        long before = requests();
        byte[] valid = JSON.writeValueAsBytes(ApiClient.validRequest("Med sessions-id i adressen"));
        for (String path : List.of("/api/requests;jsessionid=HEMMELIG0123", "/api/requests;JSESSIONID=HEMMELIG0123",
                "/api/requests/;jsessionid=HEMMELIG0123")) {
            RawHttp.Reply reply = send("anna", "POST", path, "application/json", valid, "da", null);
            assertThat(reply.body()).as(path).doesNotContain("HEMMELIG0123", "jsessionid", "JSESSIONID");
            assertThat(problem(reply, 400, "about:blank", "/api/requests" + (path.contains("/;") ? "/" : ""))
                    .get("errors")).as(path).isEmpty();
        }
        // Not below /api/ as written: refused like any address that is not one (with the pages' error page).
        assertThat(send("anna", "POST", "/api;jsessionid=HEMMELIG0123/requests", "application/json", valid, "da", null).status())
                .isEqualTo(400);
        assertThat(send("anna", "GET", "/api/requests/search;jsessionid=HEMMELIG0123", null, null, "da", null).body())
                .doesNotContain("HEMMELIG0123");
        assertThat(requests()).isEqualTo(before);
    }

    /**
     * A failure nothing handled reaches the error dispatch: its problem says that something failed and no more, whatever
     * the exception carried (its message, class, a path or a secret). No route of the API fails on purpose, so the
     * dispatch is handed what the container hands it.
     */
    @Test
    void aFailureNothingHandledTellsNothingOfIt() throws Exception {
        IllegalStateException failure = new IllegalStateException("password=hunter2 in /etc/indkoeb/secret.yml");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.addHeader("Accept-Language", "en");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/requests/search");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, failure.getClass());
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, failure.getMessage());
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(500);

        machineErrors.getFilter().doFilter(request, response, (req, res) -> {
            throw new AssertionError("an API's failure went on to the pages' error controller");
        });

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode problem = read(body);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Internal Server Error");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/requests/search");
        assertThat(problem.get("errors")).isEmpty();
        assertThat(body).doesNotContain("hunter2", "secret", "/etc", "IllegalState", "Exception", "java.", "trace");
    }

    /** Guesses until the throttle answers: a slow machine may let a delay pass between two guesses (it then doubles). */
    private static RawHttp.Reply guessUntilDelayed(RawHttp guesser, String user, String path, String language) {
        List<Integer> statuses = new java.util.ArrayList<>();
        RawHttp.Reply reply;
        do {
            String credentials = user + ":gæt" + statuses.size();
            reply = guesser.send("GET", path, Map.of("Accept-Language", language, "Authorization",
                    "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))), null);
            statuses.add(reply.status());
        } while (reply.status() == 401 && statuses.size() < 30);
        assertThat(reply.status()).as("statuses " + statuses).isEqualTo(429);
        return reply;
    }

    @Test
    void everyAcceptGetsTheSameProblemNeverA500() {
        String requestId = api.submit("anna", "Uanset Accept").get("id").asText();
        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of()).status()).isEqualTo(204);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        record Call(String user, String method, String path, String contentType, byte[] body, int status, String type) {
        }
        List<Call> calls = List.of(
                new Call("anna", "POST", "/api/requests", "application/json", empty, 400, OURS + "invalid-input"),
                new Call("anna", "GET", "/api/requests/search?size=5000", null, null, 400, OURS + "page-out-of-range"),
                new Call(null, "GET", "/api/tasks", null, null, 401, "about:blank"),
                new Call("anna", "GET", "/api/admin/login-delays", null, null, 403, "about:blank"),
                new Call("anna", "GET", "/engine-rest/engine", null, null, 403, "about:blank"),
                new Call("anna", "GET", "/api/nothing-here", null, null, 404, "about:blank"),
                new Call("anna", "GET", "/api/requests/" + UUID.randomUUID(), null, null, 404, "about:blank"),
                new Call("anna", "PUT", "/api/requests/search", "application/json", empty, 405, "about:blank"),
                new Call("anna", "POST", "/api/requests/" + requestId + "/withdraw", "application/json", empty, 409,
                        OURS + "illegal-transition"),
                new Call("anna", "POST", "/api/requests", "text/plain", empty, 415, "about:blank"));
        for (Call call : calls) {
            for (String accept : ACCEPTS) {
                RawHttp.Reply reply = send(call.user(), call.method(), call.path(), call.contentType(), call.body(), "da", accept);
                problem(reply, call.status(), call.type(), call.path().split("\\?")[0]);
            }
        }
        assertThat(log.errors()).isEmpty();
    }

    /** The problem's shape: content type, type, status, a title and a detail, the path asked for, the field errors. */
    private JsonNode problem(RawHttp.Reply reply, int status, String type, String instance) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.body()).startsWith("application/problem+json");
        JsonNode problem = read(reply.body());
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo(instance);
        assertThat(problem.get("errors").isArray()).as(reply.body()).isTrue();
        assertThat(problem.has("timestamp") || problem.has("message") || problem.has("error") || problem.has("path"))
                .as("nothing of the old shapes: " + reply.body()).isFalse();
        return problem;
    }

    private RawHttp.Reply send(String user, String method, String path, String contentType, byte[] body, String language,
                               String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (user != null) {
            headers.put("Authorization", RawHttp.basic(user));
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Accept-Language", language);
        if (accept != null && !accept.isEmpty()) {
            headers.put("Accept", accept);
        }
        return new RawHttp(port).send(method, path, headers, body);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    private long requests() {
        return jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
    }

    private long claims(String requestId) {
        return jdbc.sql("select count(*) from case_history where request_id = ? and kind = 'TASK_CLAIMED'")
                .param(UUID.fromString(requestId)).query(Long.class).single();
    }

    private long withdrawals(String requestId) {
        return jdbc.sql("select count(*) from case_history where request_id = ? and kind = 'WITHDRAWN'")
                .param(UUID.fromString(requestId)).query(Long.class).single();
    }

    private long attachments(String requestId) {
        return jdbc.sql("select count(*) from attachment where request_id = ?").param(UUID.fromString(requestId))
                .query(Long.class).single();
    }
}
