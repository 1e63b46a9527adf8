package dk.indkoebsscreening.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Drives the JSON API over real HTTP as the demo users (password "demo"). */
public final class ApiClient {

    public static final List<String> EXPERTS =
            List.of("sikkerhed", "brugerstyring", "support", "kontrakt", "installation", "implementering");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final RestClient http;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = RestClient.builder().baseUrl(baseUrl).build();
    }

    public record Response(int status, JsonNode body) {
    }

    public Response get(String user, String path) {
        return exchange(http.get().uri(path), user);
    }

    /** Where a page sends the browser (the Location of a redirect), without following it. */
    public String redirectOf(String user, String path) {
        return RestClient.builder().baseUrl(baseUrl)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER).build()))
                .build()
                .get().uri(path)
                .headers(headers -> headers.setBasicAuth(user, "demo"))
                .exchange((request, response) -> String.valueOf(response.getHeaders().getLocation()));
    }

    public Response post(String user, String path, Object body) {
        return post(user, path, body, "da");
    }

    public Response post(String user, String path, Object body, String language) {
        RestClient.RequestBodySpec spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        return exchange(body == null ? spec : spec.body(body), user, language);
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> spec, String user) {
        return exchange(spec, user, "da");
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> spec, String user, String language) {
        if (user != null) {
            spec.headers(headers -> headers.setBasicAuth(user, "demo"));
        }
        spec.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            MediaType type = response.getHeaders().getContentType();
            boolean json = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
            return new Response(response.getStatusCode().value(), json && bytes.length > 0 ? JSON.readTree(bytes) : null);
        });
    }

    /** A valid request form; callers change fields to test validation. */
    public static Map<String, Object> validRequest(String title) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("systemName", "BookPlus Borger");
        form.put("vendor", "Eksempel Software A/S");
        form.put("need", "Borgerne skal kunne booke tid online.");
        form.put("department", "Borgerservice");
        form.put("oneOffCostDkk", 85000);
        form.put("annualCostDkk", 60000);
        form.put("contractYears", 4);
        form.put("expectedUsers", 25);
        form.put("personalData", "CPR");
        form.put("hosting", "CLOUD_EU");
        form.put("integrations", "MitID");
        form.put("desiredStartDate", LocalDate.now().plusMonths(2).toString());
        return form;
    }

    public JsonNode submit(String requester, String title) {
        Response response = post(requester, "/api/requests", validRequest(title));
        if (response.status() != 201) {
            throw new AssertionError("Submit failed: " + response);
        }
        return response.body();
    }

    public JsonNode details(String user, String requestId) {
        return get(user, "/api/requests/" + requestId).body();
    }

    public List<JsonNode> tasks(String user) {
        List<JsonNode> tasks = new ArrayList<>();
        get(user, "/api/tasks").body().forEach(tasks::add);
        return tasks;
    }

    /** The open task of this type for this request that the user sees, waiting briefly for async steps. */
    public JsonNode awaitTask(String user, String requestId, String type) {
        return Eventually.await(type + " task for " + user + " on " + requestId, () -> tasks(user).stream()
                .filter(task -> task.get("requestId").asText().equals(requestId))
                .filter(task -> task.get("type").asText().equals(type))
                .findFirst());
    }

    public Response complete(String user, String taskId, Object body) {
        return post(user, "/api/tasks/" + taskId + "/complete", body);
    }

    public void completeOk(String user, String taskId, Object body) {
        Response response = complete(user, taskId, body);
        if (response.status() != 204) {
            throw new AssertionError("Completing " + taskId + " as " + user + " failed: " + response);
        }
    }

    public static Map<String, Object> screening(String verdict, List<String> conditions, Map<String, String> checklist) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdict", verdict);
        body.put("findings", "Gennemgået af fagområdet.");
        body.put("conditions", conditions);
        body.put("checklist", checklist);
        return body;
    }
}
