package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests another site or a forged header can make: a {@code Host} the application does not own is never
 * reflected into a redirect or a link, and a cross-site form (which can only send form, multipart or
 * plain-text bodies) cannot drive the JSON API with Basic credentials the browser has cached.
 */
class RequestForgeryTest extends ApiTestBase {

    static final String EVIL = "evil.example";

    @Test
    void aForgedHostHeaderIsNeverReflectedIntoARedirect() {
        RawHttp http = new RawHttp(port);
        Map<String, Map<String, String>> requests = new LinkedHashMap<>();
        requests.put("GET /anmodninger", Map.of("Host", EVIL, "Accept", "text/html"));
        requests.put("GET /", Map.of("Host", EVIL, "Accept", "text/html", "Authorization", RawHttp.basic("anna")));
        requests.put("GET /camunda/app/cockpit/default/", Map.of("Host", EVIL, "Accept", "text/html"));
        requests.put("GET /fra-tasklist?taskId=x", Map.of("Host", EVIL + ":8443", "Accept", "text/html"));
        requests.put("GET /anmodninger/ny", Map.of("Host", EVIL, "X-Forwarded-Host", EVIL, "Accept", "text/html"));
        requests.forEach((request, headers) -> {
            String[] methodAndTarget = request.split(" ");
            RawHttp.Reply reply = http.send(methodAndTarget[0], methodAndTarget[1], headers, null);
            assertThat(reply.status()).as(request).isBetween(300, 399);
            assertThat(reply.header("Location")).as(request).doesNotContain(EVIL)
                    .satisfiesAnyOf(location -> assertThat(location).startsWith("/"),
                            location -> assertThat(location).startsWith("http://localhost:" + port + "/"));
        });
    }

    @Test
    void theLocationOfASubmittedRequestIsTheApplicationsOwnAddress() {
        byte[] body = json(ApiClient.validRequest("Falsk vært"));
        RawHttp.Reply reply = new RawHttp(port).send("POST", "/api/requests",
                Map.of("Host", EVIL, "Authorization", RawHttp.basic("anna"), "Content-Type", "application/json"), body);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).startsWith("http://localhost:" + port + "/api/requests/").doesNotContain(EVIL);
    }

    @Test
    void aCrossSiteFormCannotClaimCompleteOrSubmitThroughTheApi() {
        String requestId = api.submit("anna", "Formular fra et andet site").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        long requests = count("purchase_request");
        List<String> crossSiteTypes = List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain", "application/json;charset=ISO-8859-1", "*/*");
        for (String type : crossSiteTypes) {
            for (String path : List.of("/api/tasks/" + triage + "/claim", "/api/tasks/" + triage + "/complete", "/api/requests")) {
                byte[] body = type.startsWith("application/json") || type.equals("*/*")
                        ? "{\"outcome\":\"ACCEPT\"}".getBytes(StandardCharsets.UTF_8)
                        : "outcome=ACCEPT".getBytes(StandardCharsets.UTF_8);
                ApiClient.RawResponse response = api.raw(Lifecycle.COORDINATOR, "POST", path, type, body);
                assertThat(response.status()).as(type + " " + path).isEqualTo(415);
                assertThat(response.body()).contains("Content-Type: application/json");
            }
        }
        assertThat(api.raw(Lifecycle.COORDINATOR, "POST", "/api/tasks/" + triage + "/claim", null, null).status())
                .as("no type at all").isEqualTo(415);

        assertThat(api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("assignee").isNull()).isTrue();
        assertThat(count("purchase_request")).isEqualTo(requests);
        assertThat(outbox.typesOf(requestId)).containsExactly("request.submitted");
        // The API itself, as its clients call it, works.
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + triage + "/claim", null).status()).isEqualTo(204);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static byte[] json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
