package dk.indkoebsscreening.example.kitos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The three KITOS API calls the hand-off needs: log in, search the IT-system catalogue, take a system
 * into use for an organisation. Not thread-safe (the consumer has one thread).
 *
 * <p>The password and the token never appear in messages or exceptions.
 */
final class KitosClient {

    /** A system in KITOS's catalogue (the "master data", not an organisation's usage of it). */
    record ItSystem(UUID uuid, String name) {
    }

    enum Registration {
        /** 201: the usage was created. */
        CREATED,
        /** 409: KITOS allows one usage per system and organisation, and there is one already. */
        ALREADY_IN_USE
    }

    /** KITOS could not be reached or did not answer as expected; the event should be tried again. */
    static final class KitosException extends RuntimeException {
        KitosException(String message) {
            super(message);
        }

        KitosException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final String baseUrl;
    private final String email;
    private final String password;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    /** A KITOS token lasts 24 hours, so one login serves many events. */
    private String token;

    KitosClient(URI baseUrl, String email, String password, HttpClient http) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.email = email;
        this.password = password;
        this.http = http;
    }

    /** {@code GET /api/v2/it-systems?nameContains=…}: active systems whose name contains the text. */
    List<ItSystem> findSystems(String nameContains) {
        // URLEncoder writes a space as '+'; %20 means a space in every server's query parser
        String query = URLEncoder.encode(nameContains, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> response = sendAuthorized(request("/api/v2/it-systems?nameContains=" + query).GET());
        if (response.statusCode() != 200) {
            throw unexpected(response, "searching the IT-system catalogue");
        }
        JsonNode found = readTree(response.body());
        if (!found.isArray()) {
            throw new KitosException("KITOS's catalogue search did not answer with a JSON array");
        }
        List<ItSystem> systems = new ArrayList<>();
        for (JsonNode system : found) {
            systems.add(new ItSystem(UUID.fromString(system.path("uuid").asText()), system.path("name").asText()));
        }
        return systems;
    }

    /** {@code POST /api/v2/it-system-usages}: the organisation takes the system into use. */
    Registration registerUsage(UUID systemUuid, UUID organizationUuid, String notes) {
        ObjectNode body = json.createObjectNode()
                .put("systemUuid", systemUuid.toString())
                .put("organizationUuid", organizationUuid.toString());
        body.putObject("general").put("notes", notes);
        HttpResponse<String> response = sendAuthorized(request("/api/v2/it-system-usages").POST(publish(body)));
        return switch (response.statusCode()) {
            case 201 -> Registration.CREATED;
            case 409 -> Registration.ALREADY_IN_USE;
            default -> throw unexpected(response, "registering the system usage");
        };
    }

    /** A data processing registration as {@code GET /api/v2/data-processing-registrations} answers it: what this example uses. */
    record DataProcessingRegistration(UUID uuid, String name, JsonNode oversight) {
    }

    /**
     * {@code GET /api/v2/data-processing-registrations?organizationUuid=…&systemUuid=…}: the organisation's data
     * processing registrations that name the catalogue system (KITOS API v2, DataProcessingRegistrationV2Controller).
     */
    List<DataProcessingRegistration> dataProcessingRegistrations(UUID organizationUuid, UUID systemUuid) {
        HttpResponse<String> response = sendAuthorized(request("/api/v2/data-processing-registrations?organizationUuid="
                + organizationUuid + "&systemUuid=" + systemUuid).GET());
        if (response.statusCode() != 200) {
            throw unexpected(response, "reading the data processing registrations");
        }
        JsonNode found = readTree(response.body());
        if (!found.isArray()) {
            throw new KitosException("KITOS's data processing registrations did not come as a JSON array");
        }
        List<DataProcessingRegistration> registrations = new ArrayList<>();
        for (JsonNode registration : found) {
            registrations.add(new DataProcessingRegistration(UUID.fromString(registration.path("uuid").asText()),
                    registration.path("name").asText(), registration.path("oversight")));
        }
        return registrations;
    }

    /**
     * {@code PATCH /api/v2/data-processing-registrations/{uuid}} with {@code {"oversight": …}}: KITOS applies it as a
     * JSON merge patch (RFC 7396), so the fields sent replace theirs and the others stay; a list is replaced whole.
     */
    void updateOversight(UUID registrationUuid, ObjectNode oversight) {
        ObjectNode body = json.createObjectNode();
        body.set("oversight", oversight);
        HttpResponse<String> response = sendAuthorized(request("/api/v2/data-processing-registrations/" + registrationUuid)
                .method("PATCH", publish(body)));
        if (response.statusCode() != 200) {
            throw unexpected(response, "updating the oversight of data processing registration " + registrationUuid);
        }
    }

    /** Sends with the cached token; on 401 (expired or revoked) logs in again and retries once. */
    private HttpResponse<String> sendAuthorized(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.copy().header("Authorization", "Bearer " + token()).build());
        if (response.statusCode() == 401) {
            token = null;
            response = send(request.copy().header("Authorization", "Bearer " + token()).build());
            if (response.statusCode() == 401) {
                throw new KitosException("KITOS answered 401 even to a new token of " + email
                        + ": is it an API user with access to the organisation?");
            }
        }
        return response;
    }

    private String token() {
        if (token == null) {
            ObjectNode credentials = json.createObjectNode().put("email", email).put("password", password);
            HttpResponse<String> response = send(request("/api/authorize/GetToken").POST(publish(credentials)).build());
            if (response.statusCode() != 200) {
                // no body in the message: it could echo what was sent
                throw new KitosException("KITOS refused the login of " + email + " (HTTP " + response.statusCode() + ")");
            }
            // KITOS's API v1 envelope: {"msg": "", "response": {"token", "email", "loginSuccessful", "expires"}}
            String issued = readTree(response.body()).path("response").path("token").asText("");
            if (issued.isBlank()) {
                throw new KitosException("KITOS's login answer for " + email + " has no response.token");
            }
            token = issued;
        }
        return token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }

    private HttpRequest.BodyPublisher publish(JsonNode body) {
        try {
            return BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KitosException("KITOS did not answer " + request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitosException("interrupted while calling KITOS", e);
        }
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new KitosException("KITOS answered with something that is not JSON", e);
        }
    }

    private static KitosException unexpected(HttpResponse<String> response, String action) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > MAX_BODY_IN_MESSAGE) {
            body = body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
        }
        return new KitosException("KITOS answered HTTP " + response.statusCode() + " when " + action
                + (body.isEmpty() ? "" : ": " + body));
    }
}
