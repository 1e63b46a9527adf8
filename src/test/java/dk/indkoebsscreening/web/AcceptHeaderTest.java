package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * Every kind of error, on the API and on the pages, met with every {@code Accept} a client may send: the answer is the
 * error's own status (or 406 where the client accepts nothing we answer in), never a 500, and nothing is logged as an
 * error. Every error of our API and every refusal of the engine's is a problem ({@code application/problem+json}) whatever
 * was asked for, those of the security filters and of unknown routes too.
 */
class AcceptHeaderTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACCEPTS = List.of("application/json", "application/xml", "text/plain", "text/html",
            "*/*", "application/pdf", "image/png", "application/problem+json", "text/html;q=0.9, application/xml;q=1",
            "nonsense;;q=x");

    @RegisterExtension
    final LogCapture log = new LogCapture(Logger.ROOT_LOGGER_NAME);

    private record Call(String name, String user, String method, String path, String contentType, byte[] body, int status) {
    }

    @Test
    void everyErrorWithEveryAcceptIsItsOwnStatusNeverA500() throws Exception {
        String requestId = api.submit("anna", "Accept-headere").get("id").asText();
        assertThat(api.post("anna", "/api/requests/" + requestId + "/withdraw", Map.of()).status()).isEqualTo(204);
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        List<Call> calls = new ArrayList<>(List.of(
                new Call("validation", "anna", "POST", "/api/requests", "application/json", json, 400),
                new Call("boundary", "anna", "GET", "/api/requests/search?q=%00", null, null, 400),
                new Call("unreadable JSON", "anna", "POST", "/api/requests", "application/json", "{".getBytes(StandardCharsets.UTF_8), 400),
                new Call("malformed id", "anna", "GET", "/api/requests/not-a-uuid", null, null, 400),
                new Call("no login", null, "GET", "/api/tasks", null, null, 401),
                new Call("wrong password", "ingen-saadan:forkert", "GET", "/api/tasks", null, null, 401),
                new Call("another role's", "anna", "GET", "/api/admin/login-delays", null, null, 403),
                new Call("unknown request", "anna", "GET", "/api/requests/" + UUID.randomUUID(), null, null, 404),
                new Call("unknown route", "anna", "GET", "/api/nothing-here", null, null, 404),
                new Call("wrong method", "anna", "PUT", "/api/requests/search", "application/json", json, 405),
                new Call("already withdrawn", "anna", "POST", "/api/requests/" + requestId + "/withdraw", "application/json", json, 409),
                new Call("too large", "anna", "POST", "/api/requests", "application/json",
                        ("[\"" + "x".repeat(InputBoundary.MAX_BODY_BYTES) + "\"]").getBytes(StandardCharsets.UTF_8), 413),
                new Call("not JSON", "anna", "POST", "/api/requests", "text/plain", json, 415),
                new Call("engine for staff", "anna", "GET", "/engine-rest/engine", null, null, 403),
                new Call("engine, unknown", "admin", "GET", "/engine-rest/task/" + UUID.randomUUID(), null, null, 404),
                new Call("page of no request", "anna", "GET", "/anmodninger/" + UUID.randomUUID(), null, null, 404),
                new Call("page of another role", "anna", "GET", "/overblik", null, null, 403),
                new Call("page, malformed id", "anna", "GET", "/anmodninger/not-a-uuid", null, null, 404),
                new Call("page, boundary", "anna", "GET", "/anmodninger/alle?q=%00", null, null, 400)));
        Map<String, String> failures = new LinkedHashMap<>();
        for (Call call : calls) {
            for (String accept : ACCEPTS) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Accept", accept);
                if (call.user() != null) {
                    // A wrong password: another unknown user each time, so that the login throttle does not answer 429.
                    headers.put("Authorization", call.user().contains(":")
                            ? basic(call.user().replace(":", ACCEPTS.indexOf(accept) + ":")) : RawHttp.basic(call.user()));
                }
                if (call.contentType() != null) {
                    headers.put("Content-Type", call.contentType());
                }
                RawHttp.Reply reply = new RawHttp(port).send(call.method(), call.path(), headers, call.body());
                String what = call.name() + " with Accept: " + accept;
                // A malformed Accept may be refused as such (Camunda's REST API does), a foreign one with 406.
                boolean malformedAccept = accept.startsWith("nonsense") && reply.status() == 400;
                if (reply.status() != call.status() && reply.status() != 406 && !malformedAccept) {
                    failures.put(what, reply.status() + " " + reply.body().substring(0, Math.min(200, reply.body().length())));
                }
                String type = reply.header("Content-Type");
                boolean ours = call.path().startsWith("/api/") || call.path().startsWith("/engine-rest/") && reply.status() == 403;
                if (ours) {
                    assertThat(type).as(what).startsWith("application/problem+json");
                    assertThat(JSON.readTree(reply.body()).get("status").asInt()).as(what).isEqualTo(reply.status());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void aSuccessfulAnswerToAnAcceptThatNothingMatchesIsA406Problem() {
        String requestId = api.submit("anna", "Kun JSON").get("id").asText();
        RawHttp.Reply xml = new RawHttp(port).send("GET", "/api/requests/" + requestId,
                Map.of("Authorization", RawHttp.basic("anna"), "Accept", "application/xml"), null);

        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.header("Content-Type")).startsWith("application/problem+json");
        assertThat(xml.body()).contains("Accept");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
