package dk.indkoebsscreening.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The committed OpenAPI document ({@code docs/openapi.yaml}, which OpenApiDocumentTest holds to the running application)
 * as a contract every answer of the JSON API that the tests receive must keep: its status documented for the call, its
 * type one the call answers in, its JSON valid against the schema. A request the application accepted (2xx) must be
 * valid by the document too, so the document is never stricter than the application; a request refused is not checked,
 * as tests send bad input on purpose. An error of a call the document does not have (an unknown route, a method not
 * allowed) must still be a {@code Problem}.
 * <p>
 * The schemas are OpenAPI 3.1, that is JSON Schema 2020-12, checked with networknt's validator: the Atlassian
 * swagger-request-validator (2.46) reads a 3.1 document but checks no {@code type} in it (a string where an integer is
 * documented passes), so it cannot hold a 3.1 document to anything.
 */
public final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_URI = "https://indkoebsscreening.invalid/openapi.json";
    private static final ApiContract COMMITTED = new ApiContract(Path.of("docs/openapi.yaml"));

    private final JsonNode document;
    private final List<PathTemplate> paths;
    private final Map<JsonNode, String> schemaLocations = new IdentityHashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory;

    private record PathTemplate(String template, Pattern pattern, int variables) {
    }

    private ApiContract(Path file) {
        try {
            document = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> paths.add(new PathTemplate(template,
                Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                template.split("\\{", -1).length - 1)));
        // Literal paths before templates that also match them (/api/requests/search before /api/requests/{id}).
        paths.sort(Comparator.comparingInt(PathTemplate::variables));
        // Each body schema of the document gets a plain address in $defs, beside the components its $refs point to.
        ObjectNode root = document.deepCopy();
        ObjectNode definitions = root.putObject("$defs");
        collectSchemas(document, definitions);
        JsonMetaSchema openApi = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keywords(List.of("openapi", "info", "servers", "security", "paths", "tags", "components")
                        .stream().map(NonValidationKeyword::new).collect(Collectors.toList()))
                .build();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(openApi).defaultMetaSchemaIri(openApi.getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, root.toString()))));
    }

    public static ApiContract committed() {
        return COMMITTED;
    }

    /** Only the JSON API is held to the document; the pages, the engine's APIs and Camunda's webapps are not in it. */
    public static boolean covers(String target) {
        return target.startsWith("/api/") || target.equals("/api");
    }

    /**
     * @param target the request target as sent, with its query
     */
    public void check(String method, String target, String requestType, byte[] requestBody,
                      int status, String responseType, byte[] responseBody) {
        if (!covers(target)) {
            return;
        }
        String path = target.split("[?#]", 2)[0];
        List<String> problems = new ArrayList<>();
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty()) {
            if (status < 400) {
                problems.add("the document has no " + method + " " + path + ", but it answered " + status);
            } else {
                checkBody(problemResponse(), responseType, responseBody, problems);
            }
        } else {
            JsonNode response = resolve(operation.get().path("responses").path(Integer.toString(status)));
            if (response.isMissingNode()) {
                problems.add("status " + status + " is not documented");
            } else {
                checkBody(response, responseType, responseBody, problems);
            }
            // A body sent to a call that takes none (an empty object to /claim) is ignored, by the application and here.
            if (status >= 200 && status < 300 && requestBody != null && requestBody.length > 0
                    && operation.get().has("requestBody")) {
                checkRequest(resolve(operation.get().path("requestBody")), requestType, requestBody, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + target + " (" + status + ", " + responseType
                    + ") breaks docs/openapi.yaml:\n  " + String.join("\n  ", problems) + "\n  body: "
                    + excerpt(responseBody));
        }
    }

    private Optional<JsonNode> operation(String method, String path) {
        return paths.stream().filter(template -> template.pattern().matcher(path).matches()).findFirst()
                .map(template -> document.path("paths").path(template.template()).path(method.toLowerCase(Locale.ROOT)))
                .filter(operation -> !operation.isMissingNode());
    }

    private JsonNode problemResponse() {
        return document.path("components").path("responses").path("BadRequest");
    }

    private void checkBody(JsonNode response, String type, byte[] body, List<String> problems) {
        JsonNode content = response.path("content");
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                problems.add("a body where the document has none");
            }
            return;
        }
        Optional<Map.Entry<String, JsonNode>> media = mediaType(content, type);
        if (media.isEmpty()) {
            problems.add("type " + type + " is none of " + names(content));
            return;
        }
        if (isJson(media.get().getKey()) && media.get().getValue().has("schema")) {
            validate(media.get().getValue().get("schema"), body, problems);
        }
    }

    private void checkRequest(JsonNode requestBody, String type, byte[] body, List<String> problems) {
        if (type == null || !isJson(type)) {
            return;
        }
        Optional<Map.Entry<String, JsonNode>> media = mediaType(requestBody.path("content"), type);
        if (media.isEmpty()) {
            problems.add("the request accepted was " + type + ", which the document does not take");
        } else if (media.get().getValue().has("schema")) {
            List<String> found = new ArrayList<>();
            validate(media.get().getValue().get("schema"), body, found);
            found.forEach(problem -> problems.add("the request accepted: " + problem));
        }
    }

    private void validate(JsonNode schema, byte[] body, List<String> problems) {
        JsonNode value;
        try {
            value = JSON.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            problems.add("not JSON: " + e.getMessage());
            return;
        }
        if (value == null || value.isMissingNode()) {
            problems.add("no JSON body where the document has one");
            return;
        }
        JsonSchema compiled = schemas.computeIfAbsent(schemaLocations.get(schema),
                location -> factory.getSchema(SchemaLocation.of(DOCUMENT_URI + location)));
        for (ValidationMessage message : compiled.validate(value)) {
            problems.add(message.getMessage());
        }
    }

    private static Optional<Map.Entry<String, JsonNode>> mediaType(JsonNode content, String type) {
        String essence = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Iterator<Map.Entry<String, JsonNode>> entries = content.fields();
        Map.Entry<String, JsonNode> wildcard = null;
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().equals(essence)) {
                return Optional.of(entry);
            }
            if (entry.getKey().equals("*/*")) {
                wildcard = entry;
            }
        }
        return Optional.ofNullable(wildcard);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode reference = node.path("$ref");
        return reference.isTextual() ? document.at(reference.asText().substring(1)) : node;
    }

    /** Every {@code content.*.schema} of the paths and the shared responses, each under its own name in $defs. */
    private void collectSchemas(JsonNode node, ObjectNode definitions) {
        if (node.isObject()) {
            JsonNode content = node.get("content");
            if (content != null && content.isObject()) {
                content.elements().forEachRemaining(media -> {
                    if (media.has("schema")) {
                        String name = "s" + definitions.size();
                        definitions.set(name, media.get("schema"));
                        schemaLocations.put(media.get("schema"), "#/$defs/" + name);
                    }
                });
            }
        }
        node.elements().forEachRemaining(child -> collectSchemas(child, definitions));
    }

    private static boolean isJson(String type) {
        String essence = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return essence.equals("application/json") || essence.endsWith("+json");
    }

    private static String names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String excerpt(byte[] body) {
        if (body == null) {
            return "(none)";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
