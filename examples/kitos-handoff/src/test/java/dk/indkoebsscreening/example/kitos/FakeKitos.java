package dk.indkoebsscreening.example.kitos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the KITOS endpoints the hand-off calls (login, catalogue search, usage, and the data processing
 * registrations' list and merge patch), with the shapes of KITOS's
 * sources (os2kitos/kitos, see README.md): the v1 {@code {msg, response}} envelope around the token,
 * a bare JSON array from the v2 catalogue search, 201 or 409 from creating a usage, 401 for a token
 * it does not know.
 *
 * <p>Stricter than KITOS in one way: a usage body with a field KITOS's CreateItSystemUsageRequestDTO
 * does not have is refused with 400 (KITOS would silently ignore it), so a misspelt field fails a test.
 */
final class FakeKitos implements AutoCloseable {

    static final String EMAIL = "indkoeb-api@demo-kommune.dk";
    static final String PASSWORD = "s3cret-Api-Password";

    record Request(String method, String path, Map<String, String> query, String rawQuery, String authorization, String body) {
    }

    private static final Set<String> USAGE_FIELDS = Set.of("systemUuid", "organizationUuid", "general",
            "externalReferences", "archiving", "roles", "organizationUsage", "localKleDeviations", "gdpr");
    private static final Set<String> GENERAL_FIELDS = Set.of("localSystemId", "localCallName", "dataClassificationUuid",
            "notes", "systemVersion", "numberOfExpectedUsers", "validity", "containsAITechnology",
            "webAccessibilityCompliance", "lastWebAccessibilityCheck", "webAccessibilityNotes");

    private static final String REGISTRATIONS = "/api/v2/data-processing-registrations";
    /** KITOS's DataProcessingRegistrationOversightWriteRequestDTO. */
    private static final Set<String> OVERSIGHT_FIELDS = Set.of("oversightOptionUuids", "oversightOptionsRemark",
            "oversightInterval", "oversightIntervalRemark", "isOversightCompleted", "oversightCompletedRemark",
            "oversightScheduledInspectionDate", "oversightDates");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<UUID, String> catalogue = new LinkedHashMap<>();
    private final Set<String> usages = new HashSet<>();
    private final Set<String> validTokens = new HashSet<>();
    /** Data processing registrations by UUID: the organisation, the catalogue systems it names, its oversight section. */
    private final Map<UUID, ObjectNode> registrations = new LinkedHashMap<>();
    private int issuedTokens;
    private boolean acceptTokens = true;
    private Integer usagePostFailure;

    FakeKitos() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::dispatch);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    UUID addSystem(String name) {
        UUID uuid = UUID.randomUUID();
        catalogue.put(uuid, name);
        return uuid;
    }

    /** A data processing registration of the organisation naming these catalogue systems, with an empty oversight section. */
    UUID addDataProcessingRegistration(UUID organizationUuid, String name, UUID... systemUuids) {
        UUID uuid = UUID.randomUUID();
        ObjectNode registration = json.createObjectNode().put("uuid", uuid.toString()).put("name", name);
        registration.putObject("organizationContext").put("uuid", organizationUuid.toString());
        ArrayNode systems = registration.putArray("systemUuids");
        for (UUID system : systemUuids) {
            systems.add(system.toString());
        }
        registration.putObject("oversight").putArray("oversightDates");
        registrations.put(uuid, registration);
        return uuid;
    }

    JsonNode oversightOf(UUID registrationUuid) {
        return registrations.get(registrationUuid).path("oversight");
    }

    void addUsage(UUID organizationUuid, UUID systemUuid) {
        usages.add(organizationUuid + "/" + systemUuid);
    }

    /** What happens after 24 hours: every token issued so far is refused. */
    void expireTokens() {
        validTokens.clear();
    }

    /** Refuses every token, even new ones (an API user without access). */
    void refuseAllTokens() {
        acceptTokens = false;
    }

    /** Answers every usage POST with this status until set to null. */
    void failUsagePostsWith(Integer status) {
        usagePostFailure = status;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    int logins() {
        return requests("POST", "/api/authorize/GetToken").size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    parseQuery(rawQuery), rawQuery, exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            switch (request.method() + " " + request.path()) {
                case "POST /api/authorize/GetToken" -> getToken(exchange, request);
                case "GET /api/v2/it-systems" -> {
                    if (authorized(exchange, request)) {
                        searchSystems(exchange, request);
                    }
                }
                case "POST /api/v2/it-system-usages" -> {
                    if (authorized(exchange, request)) {
                        createUsage(exchange, request);
                    }
                }
                case "GET /api/v2/data-processing-registrations" -> {
                    if (authorized(exchange, request)) {
                        listRegistrations(exchange, request);
                    }
                }
                default -> {
                    if (request.method().equals("PATCH") && request.path().startsWith(REGISTRATIONS + "/")) {
                        if (authorized(exchange, request)) {
                            patchRegistration(exchange, request);
                        }
                    } else {
                        respond(exchange, 404, "text/plain", "");
                    }
                }
            }
        }
    }

    private void getToken(HttpExchange exchange, Request request) throws IOException {
        JsonNode credentials = json.readTree(request.body());
        if (!EMAIL.equals(credentials.path("email").asText()) || !PASSWORD.equals(credentials.path("password").asText())) {
            respond(exchange, 401, "text/plain", "");
            return;
        }
        String token = "eyJ.fake-kitos-token-" + ++issuedTokens;
        validTokens.add(token);
        ObjectNode envelope = json.createObjectNode().put("msg", "");
        envelope.putObject("response").put("token", token).put("email", EMAIL).put("loginSuccessful", true)
                .put("expires", "2026-03-13T10:02:44Z");
        respond(exchange, 200, "application/json", envelope.toString());
    }

    private boolean authorized(HttpExchange exchange, Request request) throws IOException {
        String authorization = request.authorization();
        boolean known = authorization != null && authorization.startsWith("Bearer ")
                && validTokens.contains(authorization.substring("Bearer ".length()));
        if (known && acceptTokens) {
            return true;
        }
        respond(exchange, 401, "text/plain", "");
        return false;
    }

    private void searchSystems(HttpExchange exchange, Request request) throws IOException {
        String nameContains = request.query().get("nameContains");
        if (nameContains == null || nameContains.isBlank()) {
            respond(exchange, 400, "text/plain", "nameContains must be string containing more than whitespaces");
            return;
        }
        ArrayNode systems = json.createArrayNode();
        catalogue.forEach((uuid, name) -> {
            if (name.toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT))) {
                systems.addObject().put("uuid", uuid.toString()).put("name", name).put("deactivated", false)
                        .putNull("formerName").put("description", "Demo system");
            }
        });
        respond(exchange, 200, "application/json", systems.toString());
    }

    private void createUsage(HttpExchange exchange, Request request) throws IOException {
        if (usagePostFailure != null) {
            respond(exchange, usagePostFailure, "text/plain", "An error occurred");
            return;
        }
        JsonNode usage = json.readTree(request.body());
        String unknown = unknownField(usage, USAGE_FIELDS) + unknownField(usage.path("general"), GENERAL_FIELDS);
        UUID systemUuid = uuid(usage.path("systemUuid"));
        UUID organizationUuid = uuid(usage.path("organizationUuid"));
        if (!unknown.isEmpty() || systemUuid == null || organizationUuid == null) {
            respond(exchange, 400, "text/plain", "Invalid body" + unknown);
            return;
        }
        if (!catalogue.containsKey(systemUuid)) {
            respond(exchange, 400, "text/plain", "System not found");
            return;
        }
        if (!usages.add(organizationUuid + "/" + systemUuid)) {
            respond(exchange, 409, "text/plain", "Only one system usage per it-system is allowed per organization");
            return;
        }
        ObjectNode created = json.createObjectNode().put("uuid", UUID.randomUUID().toString());
        created.putObject("systemContext").put("uuid", systemUuid.toString()).put("name", catalogue.get(systemUuid));
        created.putObject("organizationContext").put("uuid", organizationUuid.toString()).put("name", "Demo Kommune");
        created.set("general", usage.path("general"));
        respond(exchange, 201, "application/json", created.toString());
    }

    private void listRegistrations(HttpExchange exchange, Request request) throws IOException {
        String organization = request.query().get("organizationUuid");
        String system = request.query().get("systemUuid");
        ArrayNode found = json.createArrayNode();
        registrations.values().stream()
                .filter(registration -> organization == null
                        || organization.equals(registration.path("organizationContext").path("uuid").asText()))
                .filter(registration -> system == null || registration.path("systemUuids").toString().contains(system))
                .forEach(registration -> {
                    ObjectNode answer = registration.deepCopy();
                    answer.remove("systemUuids"); // KITOS answers with the usages in general.systemUsages; not read here
                    found.add(answer);
                });
        respond(exchange, 200, "application/json", found.toString());
    }

    /** KITOS's JSON merge patch of a registration, for the oversight section (the fields of its write DTO). */
    private void patchRegistration(HttpExchange exchange, Request request) throws IOException {
        UUID uuid = uuid(json.getNodeFactory().textNode(request.path().substring(REGISTRATIONS.length() + 1)));
        ObjectNode registration = uuid == null ? null : registrations.get(uuid);
        if (registration == null) {
            respond(exchange, 404, "text/plain", "");
            return;
        }
        JsonNode patch = json.readTree(request.body());
        String unknown = unknownField(patch, Set.of("general", "systemUsageUuids", "oversight", "roles", "externalReferences", "name"))
                + unknownField(patch.path("oversight"), OVERSIGHT_FIELDS);
        for (JsonNode date : patch.path("oversight").path("oversightDates")) {
            unknown += date.hasNonNull("completedAt") ? "" : ": oversightDates without completedAt";
        }
        if (!unknown.isEmpty()) {
            respond(exchange, 400, "text/plain", "Invalid body" + unknown);
            return;
        }
        ObjectNode oversight = (ObjectNode) registration.path("oversight");
        patch.path("oversight").fields().forEachRemaining(field -> oversight.set(field.getKey(), field.getValue()));
        respond(exchange, 200, "application/json", registration.toString());
    }

    private static String unknownField(JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                return ": unknown field " + name;
            }
        }
        return "";
    }

    private static UUID uuid(JsonNode node) {
        try {
            UUID uuid = UUID.fromString(node.asText());
            return uuid.equals(new UUID(0, 0)) ? null : uuid; // KITOS's [NonEmptyGuid]
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
