package dk.indkoebsscreening.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the JSON API over real HTTP as the demo users (password "demo"). One JDK HTTP client for all
 * instances: its connections are reused and it starts no thread per request, so the benchmarks that
 * drive the application with it measure the application, not the client. Every answer of the JSON API it receives is
 * held to the OpenAPI document ({@link ApiContract}): a test fails on an answer the document does not describe.
 */
public final class ApiClient {

    public static final List<String> EXPERTS =
            List.of("sikkerhed", "brugerstyring", "support", "kontrakt", "installation", "implementering");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body) {
    }

    /** What came back, as sent: for calls whose answer is not the JSON API's (the engine's APIs, errors). */
    public record RawResponse(int status, java.net.http.HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Any method, path (sent as given, encodings and all), content type and body bytes. */
    public RawResponse raw(String user, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(user, path, "da")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = exchange(request, body);
        return new RawResponse(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /** A file upload as scripts send it: multipart, with the header that says it is no cross-site form. */
    public RawResponse upload(String user, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(user, path, "da").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType).header("X-Requested-By", "indkoeb-tests");
        HttpResponse<byte[]> response = exchange(request, body);
        return new RawResponse(response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /** A GET whose body is kept as bytes (a download). */
    public HttpResponse<byte[]> download(String user, String path) {
        return exchange(request(user, path, "da").GET(), null);
    }

    public Response get(String user, String path) {
        return send(request(user, path, "da").GET(), null);
    }

    /** Where a page sends the browser (the Location of a redirect), without following it. */
    public String redirectOf(String user, String path) {
        return exchange(request(user, path, "da").GET(), null).headers().firstValue("Location").orElse("null");
    }

    public Response post(String user, String path, Object body) {
        return post(user, path, body, "da");
    }

    public Response post(String user, String path, Object body, String language) {
        // Every state-changing call says it is JSON, with or without a body (JsonOnlyApi).
        HttpRequest.Builder request = request(user, path, language).header("Content-Type", "application/json");
        if (body == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()), null);
        }
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(json)), json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String user, String path, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", language);
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request, byte[] body) {
        HttpResponse<byte[]> response = exchange(request, body);
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean json = type.startsWith("application/json") || type.contains("+json");
        try {
            return new Response(response.statusCode(),
                    json && response.body().length > 0 ? JSON.readTree(response.body()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param body what the request sends, for the contract's check of a request the application accepted */
    private static HttpResponse<byte[]> exchange(HttpRequest.Builder builder, byte[] body) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            URI uri = request.uri();
            ApiContract.committed().check(request.method(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    request.headers().firstValue("Content-Type").orElse(null), body, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        form.put("personalDataCategories", List.of("CPR"));
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
