package dk.indkoebsscreening.openapi;

import dk.indkoebsscreening.system.BindsTo;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * What springdoc cannot read from the controllers: the bodies they take as a tree and bind themselves ({@link BindsTo}),
 * the login, and the errors every call may answer, all in the one {@link Problem} shape. The document describes
 * {@code /api/**} only ({@code springdoc.*} in application.yml); pages, {@code /engine-rest} and Camunda's webapps are
 * not for integrators.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String BASIC = "basic";
    /** The ids the controllers' examples use. */
    private static final String EXAMPLE_REQUEST = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String EXAMPLE_TASK = "5c1ae5d8-d3a4-11f0-8b7c-0242ac120002";

    /** The error responses, by status, that operations reference ({@code #/components/responses/...}). */
    private enum Refusal {
        BAD_REQUEST("400", "The input is refused and nothing changed: `invalid-input` names every field at fault at once, "
                + "`unreadable-body` is malformed JSON, `page-out-of-range` a page or size beyond the limits, `refused-file` "
                + "a file refused; `about:blank` a request refused before it was read (a malformed address, too many "
                + "parameters).",
                "invalid-input", "Ugyldigt input", "Nogle felter er ikke udfyldt korrekt.", "/api/requests"),
        UNAUTHORIZED("401", "No credentials, or wrong ones.",
                null, "Ikke logget ind", "Log ind for at bruge API'et: HTTP Basic med brugernavn og adgangskode.", "/api/tasks"),
        FORBIDDEN("403", "The caller's groups may not do this (with this request or task).",
                null, "Ingen adgang", "Du har ikke adgang til dette.", "/api/admin/login-delays"),
        NOT_FOUND("404", "No such thing, or none the caller may know of.",
                null, "Findes ikke", "Findes ikke, eller du har ikke adgang.", "/api/requests/" + EXAMPLE_REQUEST),
        NOT_ACCEPTABLE("406", "The `Accept` header allows none of the types this call answers in.",
                null, "Svarets type kan ikke leveres",
                "Svaret kan ikke gives i en type, som Accept-headeren beder om (svarene er JSON, rapporten er PDF).", "/api/tasks"),
        CONFLICT("409", "The state does not allow it (`illegal-transition`, e.g. a request already decided), someone "
                + "else changed it first (`conflict`): read it again before retrying; or a request's files are at their "
                + "limit (`refused-file`).",
                "illegal-transition", "Ikke muligt nu", "Anmodningen har status „Godkendt“, så det kan ikke gøres nu.",
                "/api/requests/" + EXAMPLE_REQUEST + "/withdraw"),
        PAYLOAD_TOO_LARGE("413", "The body, or a file, is larger than allowed.",
                null, "For stor", "Forespørgslens indhold er for stort (højst 1 MiB).", "/api/requests"),
        UNSUPPORTED_MEDIA_TYPE("415", "Every call that changes something must say `Content-Type: application/json` "
                + "(multipart for files), with or without a body.",
                null, "Indholdets type understøttes ikke", "Forespørgslen skal sendes som JSON (Content-Type: application/json).",
                "/api/tasks/" + EXAMPLE_TASK + "/claim"),
        UNPROCESSABLE_CONTENT("422", "The `Idempotency-Key` was used before with other content (`repeated-input`).",
                "repeated-input", "Allerede brugt",
                "Nøglen er allerede brugt til en anden anmodning (IND-2026-0042). Brug en ny nøgle til en ny anmodning.",
                "/api/requests"),
        TOO_MANY_REQUESTS("429", "Too many failed logins for this user or address: wait the seconds `Retry-After` says.",
                null, "For mange forsøg", "For mange forkerte forsøg. Vent 30 sekunder, og prøv igen.", "/api/tasks"),
        SERVICE_UNAVAILABLE("503", "The database cannot be reached for the moment: retry after `Retry-After` seconds.",
                null, "Midlertidigt utilgængelig",
                "Indkøbsscreening er midlertidigt utilgængelig: databasen kan ikke nås. Prøv igen om lidt.", "/api/tasks");

        final String status;
        final String description;
        /** What the API answers, so that Swagger UI shows each error as it is rather than one example for all. */
        final Map<String, Object> example;

        Refusal(String status, String description, String ownType, String title, String detail, String instance) {
            this.status = status;
            this.description = description;
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", ownType == null ? "about:blank" : "urn:indkoebsscreening:problem:" + ownType);
            example.put("title", title);
            example.put("status", Integer.parseInt(status));
            example.put("detail", detail);
            example.put("instance", instance);
            example.put("errors", "invalid-input".equals(ownType)
                    ? List.of(Map.of("field", "annualCostDkk", "message", "Angiv et beløb i kroner (0 hvis intet)."))
                    : List.of());
            this.example = example;
        }

        /** {@code BAD_REQUEST} is {@code BadRequest}. */
        String componentName() {
            return Arrays.stream(name().split("_")).map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining());
        }

        String reference() {
            return "#/components/responses/" + componentName();
        }
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info().title("Indkøbsscreening JSON API").version("1")
                        .license(new License().name("Apache License, Version 2.0").identifier("Apache-2.0"))
                        .description("""
                                Submit purchases of IT systems, follow their screening and work on the tasks of the \
                                process (triage, the six areas' screening, escalation, decision) from another system. \
                                The same rules apply as on the pages: who may do what follows the caller's groups.

                                Every call that changes something must send `Content-Type: application/json`, with or \
                                without a body. Every error is an RFC 9457 problem (`Problem`), in Danish unless \
                                `Accept-Language` asks for English. The events a request publishes on Kafka are \
                                described in AsyncAPI, served beside this document at `/docs/asyncapi.yaml`."""))
                // Relative, so that the document is the same whichever address serves it.
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("""
                                HTTP Basic with the user's login and password, as on the login page; no session, so a \
                                browser's session cookie never drives the API. Under single sign-on (OpenID Connect) \
                                only users created in the application's own user administration have a password.""")));
    }

    /** The body schemas, taken from the records {@link BindsTo} names, and the errors each call may answer. */
    @Bean
    BoundBodies boundBodies(ApplicationContext context) {
        return new BoundBodies(context);
    }

    static final class BoundBodies implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

        private final ApplicationContext context;
        private final Map<String, Class<?>> records = new ConcurrentSkipListMap<>();

        BoundBodies(ApplicationContext context) {
            this.context = context;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Operation customize(Operation operation, HandlerMethod handler) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                BindsTo binds = parameter.getParameterAnnotation(BindsTo.class);
                if (binds != null && operation.getRequestBody() != null) {
                    List<Class<?>> bound = recordsOf(binds);
                    bound.forEach(type -> records.put(type.getSimpleName(), type));
                    // Any of them, not one of them: the target decides which applies, and one body may fit several.
                    Schema<?> schema = bound.size() == 1 ? reference(bound.get(0))
                            : new Schema<>().anyOf(bound.stream().<Schema>map(BoundBodies::reference).toList());
                    operation.getRequestBody().setContent(new Content().addMediaType("application/json",
                            json(operation).schema(schema)));
                }
            }
            ApiResponses responses = operation.getResponses();
            boolean reads = handler.hasMethodAnnotation(GetMapping.class);
            boolean names = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            for (Refusal refusal : Refusal.values()) {
                boolean applies = switch (refusal) {
                    case BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_ACCEPTABLE, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> true;
                    case NOT_FOUND -> names;
                    case CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> !reads;
                    // Named by the operations that answer it.
                    case UNPROCESSABLE_CONTENT -> false;
                };
                if (applies && !responses.containsKey(refusal.status)) {
                    responses.addApiResponse(refusal.status, new ApiResponse().$ref(refusal.reference()));
                }
            }
            return operation;
        }

        @Override
        public void customise(OpenAPI document) {
            Components components = document.getComponents();
            Map<String, Schema> schemas = new LinkedHashMap<>();
            records.values().forEach(type -> schemas.putAll(read(type)));
            schemas.putAll(read(Problem.class));
            schemas.forEach(components::addSchemas);
            // The API writes a field it has no value for as null: what is not required may be null.
            components.getSchemas().values().forEach(BoundBodies::optionalMayBeNull);
            // A body that is any JSON object (a dead letter's corrected payload) is just that.
            components.getSchemas().remove("JsonNode");
            document.getPaths().values().forEach(path -> path.readOperations().stream()
                    .filter(operation -> operation.getRequestBody() != null && operation.getRequestBody().getContent() != null)
                    .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                    .filter(media -> media.getSchema() != null && "#/components/schemas/JsonNode".equals(media.getSchema().get$ref()))
                    .forEach(media -> media.setSchema(new Schema<>().types(Set.of("object")))));
            for (Refusal refusal : Refusal.values()) {
                ApiResponse response = new ApiResponse().description(refusal.description)
                        .content(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(refusal.example)));
                if (refusal == Refusal.TOO_MANY_REQUESTS || refusal == Refusal.SERVICE_UNAVAILABLE) {
                    response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
                            .schema(new Schema<Integer>().type("integer")));
                }
                components.addResponses(refusal.componentName(), response);
            }
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private static void optionalMayBeNull(Schema<?> schema) {
            if (schema.getProperties() == null) {
                return;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = schema.getProperties();
            properties.replaceAll((name, property) -> {
                if (required.contains(name)) {
                    return property;
                }
                if (property.get$ref() != null) {
                    return new Schema<>().anyOf(List.of(property, new Schema<>().types(Set.of("null"))));
                }
                if (property.getTypes() == null || property.getTypes().isEmpty()) {
                    return property;
                }
                // A copy: the generator shares property schemas between records (an unwrapped record's, an enum's).
                Schema copy = Json31.mapper().convertValue(property, Schema.class);
                copy.addType("null");
                if (copy.getEnum() != null && !copy.getEnum().contains(null)) {
                    copy.getEnum().add(null);
                }
                return copy;
            });
        }

        /** The request body's examples, if the operation gives any, kept with the schema put in place of the tree's. */
        private static MediaType json(Operation operation) {
            Content content = operation.getRequestBody().getContent();
            MediaType given = content == null ? null : content.get("application/json");
            return given == null ? new MediaType() : given;
        }

        private static Schema<?> reference(Class<?> type) {
            return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
        }

        @SuppressWarnings("rawtypes")
        private static Map<String, Schema> read(Class<?> type) {
            return ModelConverters.getInstance(true).readAll(new AnnotatedType(type));
        }

        /** The records named, or those of the beans implementing {@link BindsTo#stepsOf()} (a task's steps), by name. */
        private List<Class<?>> recordsOf(BindsTo binds) {
            if (binds.stepsOf() == void.class) {
                return List.of(binds.value());
            }
            return context.getBeansOfType(binds.stepsOf()).values().stream()
                    .<Class<?>>map(bean -> ResolvableType.forClass(ClassUtils.getUserClass(bean)).as(binds.stepsOf())
                            .getGeneric(0).resolve())
                    .sorted(Comparator.comparing(Class::getSimpleName))
                    .toList();
        }
    }
}
