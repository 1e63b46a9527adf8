package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.indkoebsscreening.casefile.SearchQuery;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.RawHttp;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps (Spring MVC's handler mappings, not a list kept by hand) meets a fixed set of
 * hostile values in each of its path variables, parameters, form fields, JSON body fields, file names and headers, as
 * every role and without a login. None may answer 5xx, and a request that is refused (4xx, or a page form shown again)
 * may have committed no write: row triggers on every table record each committed insert, update and delete while it
 * runs (updates that the application's background work makes, such as the outbox relay marking events published, are
 * told apart by table and kind).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputFuzzTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final List<String> ROLES = Arrays.asList(null, "anna", "sikkerhed", "koordinator", "admin");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final String BOUNDARY = "FUZZGRAENSE";
    private static final List<String> ENDING = List.of("traek-tilbage", "withdraw", "fjern", "udfas", "retire", "slet", "complete");

    /** Texts no field may take: control and direction characters, 100 kB, dates no person means. */
    private static final List<String> NEVER_VALID = List.of("\u0000", "a\u0000b", "\u001b[31m", "\u202Eexe.pdf", "\u200F",
            "x".repeat(100_000), "-999999999-01-01", "+999999999-01-01");
    /** Texts for parameters, path variables, form fields and file names: the above, and what some field may take. */
    private static final List<String> TEXTS = java.util.stream.Stream.concat(NEVER_VALID.stream(), java.util.stream.Stream.of(
            "\u00A0\u200B", "-1", "99999999999999999999999", "1e999999999", "2026-02-30", "${7*7}", "../../etc/passwd",
            "<script>alert(1)</script>", "' or 1=1--", "%", "\\", "CON")).toList();
    /** Values for JSON body fields: the texts above, and what is no text. */
    private static final List<JsonNode> JSON_VALUES = jsonValues(TEXTS);
    /** Values no JSON field may take: sent among otherwise valid fields too, so that they reach the handler's work. */
    private static final List<JsonNode> JSON_NEVER_VALID = jsonValues(NEVER_VALID);
    /**
     * Fewer values: for each name a handler that takes every parameter may read (every name any endpoint uses), and for
     * the roles after the first inside an endpoint's door.
     */
    private static final List<String> SHORT_LIST = List.of("\u0000", "\u202E", "x".repeat(100_000), "+999999999-01-01",
            "-1", "${7*7}");
    /** Roles outside an endpoint's door get these only: the refusal must hold for them too. */
    private static final List<String> AT_THE_DOOR = List.of("\u0000", "x".repeat(100_000), "-999999999-01-01");
    /** Updates and inserts the application's background work makes whatever the requests do. */
    /** Writes of the relays and the engine's jobs, whenever they run; a vendor's link is minted as its mail is sent. */
    private static final Set<String> BACKGROUND_WRITES = Set.of("outbox_event:UPDATE", "mail_outbox:UPDATE",
            "case_history:INSERT MAIL_SENT", "vendor_link_token:INSERT",
            "act_ru_job:UPDATE", "act_ru_job:DELETE", "act_hi_job_log:INSERT", "act_ru_meter_log:INSERT",
            "act_ru_meter_log:DELETE", "act_ge_property:UPDATE");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private ApplicationContext context;

    @Autowired
    private ServerProperties server;

    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, String> fixture = new LinkedHashMap<>();
    private final Map<String, Integer> refusedWithWrites = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> apiErrorsNotProblems = new ArrayList<>();
    private long lastWrite;
    private int sent;

    private record Endpoint(String method, String pattern, HandlerMethod handler) {

        boolean isApi() {
            return pattern.startsWith("/api/");
        }
    }

    /**
     * How much a role gets: the first role inside an endpoint's door every value, the other roles inside the shorter
     * list (the handler is the same, who calls it decides little of what it reads), roles outside what the door refuses.
     */
    private enum Reach { FULL, SHORT, DOOR }

    /** One place a request can carry a value; a map entry is a parameter of a handler that takes them all. */
    private enum Kind { PATH, PARAMETER, MAP_ENTRY, JSON_FIELD, FILE_NAME, HEADER }

    private record Input(Kind kind, String name, Class<? extends Record> record) {
    }

    @BeforeAll
    void prepare() {
        api = new dk.indkoebsscreening.testsupport.ApiClient(port);
        lifecycle = new dk.indkoebsscreening.testsupport.Lifecycle(api, checklists);
        String triaged = api.submit("anna", "Fuzz: til triage").get("id").asText();
        String screened = lifecycle.submitAndAccept("anna", "Fuzz: til screening");
        fixture.put("request", triaged);
        fixture.put("task", api.awaitTask("koordinator", triaged, "TRIAGE").get("id").asText());
        fixture.put("screeningRequest", screened);
        new org.springframework.transaction.support.TransactionTemplate(context.getBean(
                org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(status -> context
                .getBean(dk.indkoebsscreening.triage.AreaQuestions.class).ask(UUID.fromString(screened),
                        dk.indkoebsscreening.process.Area.SECURITY, new dk.indkoebsscreening.triage.QuestionForm("Fuzz: hvor ligger data?"),
                        "sikkerhed"));
        fixture.put("question", jdbc.sql("select id::text from clarification where request_id = ?").param(UUID.fromString(screened))
                .query(String.class).single());
        fixture.put("invitation", api.post("koordinator", "/api/requests/" + screened + "/vendor/invitations", Map.of("contactName",
                "Fuzz Leverandør", "contactEmail", "fuzz@vendor.example", "language", "DA")).body().get("id").asText());
        fixture.put("attachment", upload(triaged));
        // The invitation's link (the vendor's pages refuse every role here: they take a vendor's session).
        String vendorLink = context.getBean(dk.indkoebsscreening.vendor.VendorLinks.class).mint(UUID.fromString(fixture.get("invitation")));
        fixture.put("vendorToken", vendorLink.substring(vendorLink.lastIndexOf('/') + 1));
        String conditioned = lifecycle.runToApprovalWithConditions("anna", "Fuzz: godkendt med betingelser",
                Map.of(dk.indkoebsscreening.process.Area.SECURITY, List.of("Fuzz-betingelse")));
        fixture.put("conditionRequest", conditioned);
        fixture.put("condition", api.details("anna", conditioned).get("conditions").get(0).get("id").asText());
        Map<String, Object> system = new LinkedHashMap<>(Map.of("name", "Fuzz-system"));
        fixture.put("system", api.post("koordinator", "/api/register", system).body().get("id").asText());
        fixture.put("processor", api.post("koordinator", "/api/systems/" + fixture.get("system") + "/processors",
                Map.of("name", "Fuzz-databehandler", "processing", "Drift", "method", "SOC_2", "intervalMonths", 12,
                        "nextDue", java.time.LocalDate.now().plusYears(1).toString())).body().get("id").asText());
        fixture.put("mail", jdbc.sql("select id::text from mail_outbox order by created_at limit 1").query(String.class).single());
        for (String role : ROLES) {
            clients.put(String.valueOf(role), new Client(role));
        }
        installWriteLog();
    }

    @AfterAll
    void removeWriteLog() {
        for (String table : tables()) {
            jdbc.sql("drop trigger if exists fuzz_write on " + table).update();
        }
        jdbc.sql("drop function if exists fuzz_log_write() cascade").update();
        jdbc.sql("drop table if exists fuzz_write_log").update();
    }

    @Test
    void everyEndpointMeetsHostileInputWithoutA5xxAndStoresNothingItRefuses() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the application's endpoints").hasSizeGreaterThan(50);
        for (Endpoint endpoint : endpoints) {
            List<Input> inputs = inputsOf(endpoint);
            boolean firstInside = true;
            for (String role : ROLES) {
                Reach reach = passesTheDoor(endpoint, role) ? firstInside ? Reach.FULL : Reach.SHORT : Reach.DOOR;
                firstInside &= reach == Reach.DOOR;
                for (Input input : inputs) {
                    attack(endpoint, role, input, reach);
                }
            }
        }

        org.assertj.core.api.SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(serverErrors).as("5xx answers").isEmpty();
            softly.assertThat(apiErrorsNotProblems).as("API errors not answered as application/problem+json").isEmpty();
            softly.assertThat(refusedWithWrites).as("refused requests that stored something (endpoint, input: count)").isEmpty();
            softly.assertThat(sent).as("requests sent").isGreaterThan(5_000);
        });
    }

    // --- what the application maps

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
            for (String pattern : patternsOf(info)) {
                methods.forEach(method -> endpoints.add(new Endpoint(method, pattern, handler)));
            }
        });
        // Reading first, then steps, and last the steps that end what others need (withdrawing, removing, retiring).
        endpoints.sort(java.util.Comparator.comparingInt(HostileInputFuzzTest::order)
                .thenComparing(endpoint -> endpoint.pattern() + " " + endpoint.method()));
        return endpoints;
    }

    private static int order(Endpoint endpoint) {
        if (endpoint.method().equals("GET")) {
            return 0;
        }
        return ENDING.stream().anyMatch(endpoint.pattern()::endsWith) || endpoint.method().equals("DELETE") ? 2 : 1;
    }

    private static Set<String> patternsOf(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternsCondition().getPatterns();
    }

    private List<Input> inputsOf(Endpoint endpoint) {
        List<Input> inputs = new ArrayList<>();
        Matcher variables = PATH_VARIABLE.matcher(endpoint.pattern());
        while (variables.find()) {
            inputs.add(new Input(Kind.PATH, variables.group(1), null));
        }
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            BindsTo binds = parameter.getParameterAnnotation(BindsTo.class);
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class) && binds == null) {
                inputs.add(new Input(Kind.JSON_FIELD, null, null)); // a JSON document of its own kind: the whole body
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                for (Class<? extends Record> record : recordsOf(binds)) {
                    for (RecordComponent component : record.getRecordComponents()) {
                        inputs.add(new Input(Kind.JSON_FIELD, component.getName(), record));
                    }
                }
            } else if (isFile(parameter)) {
                inputs.add(new Input(Kind.FILE_NAME, name(param == null ? null : param.name(), part == null ? null : part.name(),
                        parameter), null));
            } else if (header != null) {
                inputs.add(new Input(Kind.HEADER, header.name().isEmpty() ? header.value() : header.name(), null));
            } else if (param != null && Map.class.isAssignableFrom(type)) {
                knownParameterNames().forEach(name -> inputs.add(new Input(Kind.MAP_ENTRY, name, null)));
            } else if (param != null) {
                inputs.add(new Input(Kind.PARAMETER, name(param.name(), param.value(), parameter), null));
            } else if (isFormBean(parameter)) {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        inputs.add(new Input(Kind.PARAMETER, property.getName(), null));
                    }
                }
            }
        }
        return inputs.stream().distinct().toList();
    }

    /** Every parameter and field name some endpoint declares: what a handler that takes them all as a map may read. */
    private Set<String> knownParameterNames() {
        // The search page's fields, its page number and the language switch besides those the handlers declare.
        Set<String> names = new LinkedHashSet<>(SearchQuery.NAMES);
        names.addAll(List.of("side", "lang"));
        mappings.getHandlerMethods().values().forEach(handler -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                BindsTo binds = parameter.getParameterAnnotation(BindsTo.class);
                if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType()) && !isFile(parameter)) {
                    names.add(name(param.name(), param.value(), parameter));
                }
                if (binds != null) {
                    recordsOf(binds).stream().flatMap(record -> Arrays.stream(record.getRecordComponents()))
                            .forEach(component -> names.add(component.getName()));
                }
            }
        });
        return names;
    }

    /** The records named, or those of the beans implementing {@link BindsTo#stepsOf()} (the task steps, in the order of their kinds). */
    @SuppressWarnings("unchecked")
    private List<Class<? extends Record>> recordsOf(BindsTo binds) {
        if (binds.stepsOf() == void.class) {
            return List.<Class<? extends Record>>of(binds.value());
        }
        return context.getBeansOfType(binds.stepsOf()).values().stream()
                .sorted(java.util.Comparator.comparingInt(bean -> bean instanceof TaskStep<?> step ? step.type().ordinal() : 0))
                .<Class<? extends Record>>map(bean -> (Class<? extends Record>) ResolvableType.forClass(ClassUtils.getUserClass(bean))
                        .as(binds.stepsOf()).getGeneric(0).resolve())
                .toList();
    }

    private static boolean isFormBean(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type.getName().startsWith("dk.indkoebsscreening.") && !type.isRecord() && !type.isEnum()
                && !type.isInterface() && parameter.getParameterAnnotations().length <= 1;
    }

    private static boolean isFile(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (MultipartFile.class.isAssignableFrom(type)) {
            return true;
        }
        Type generic = parameter.getGenericParameterType();
        return Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == MultipartFile.class;
    }

    private static String name(String first, String second, MethodParameter parameter) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second != null && !second.isEmpty() ? second : parameter.getParameterName();
    }

    // --- the attacks

    /**
     * A role is inside an endpoint's door unless a plain request is refused for who it is (401, 403, the login page).
     * The request names ids that do not exist, so that it takes no step on the fixture's request, task or system.
     */
    private boolean passesTheDoor(Endpoint endpoint, String role) {
        Map<String, String> nothing = new LinkedHashMap<>();
        Matcher variables = PATH_VARIABLE.matcher(endpoint.pattern());
        while (variables.find()) {
            nothing.put(variables.group(1), variables.group(1).equals("username") ? "ingen-saadan" : UUID.randomUUID().toString());
        }
        Reply reply = send(endpoint, role, nothing, null, null, null);
        check(endpoint, role, new Input(Kind.PATH, "(none)", null), reply);
        return reply.status() != 401 && reply.status() != 403 && !(reply.status() == 302 && reply.location().contains("/login"));
    }

    private void attack(Endpoint endpoint, String role, Input input, Reach reach) {
        if (input.kind() == Kind.JSON_FIELD) {
            for (JsonNode value : reach == Reach.FULL ? JSON_VALUES : reach == Reach.SHORT ? JSON_NEVER_VALID
                    : List.of(NODES.textNode("\u0000"))) {
                ObjectNode alone = input.name() == null ? null : NODES.objectNode().set(input.name(), value);
                check(endpoint, role, input, send(endpoint, role, Map.of(), alone == null ? value : alone, null, null));
            }
            if (reach == Reach.FULL && input.record() != null) {
                for (JsonNode value : JSON_NEVER_VALID) {
                    ObjectNode amongValid = validBody(input.record());
                    amongValid.set(input.name(), value);
                    check(endpoint, role, input, send(endpoint, role, Map.of(), amongValid, null, null));
                }
            }
            return;
        }
        List<String> texts = switch (reach) {
            case FULL -> input.kind() == Kind.MAP_ENTRY ? SHORT_LIST : TEXTS;
            case SHORT -> SHORT_LIST;
            case DOOR -> AT_THE_DOOR;
        };
        for (String text : texts) {
            Reply reply = switch (input.kind()) {
                case PATH -> send(endpoint, role, Map.of(input.name(), text), null, null, null);
                case FILE_NAME -> send(endpoint, role, Map.of(), null, Map.of(input.name(), text), null);
                case HEADER -> send(endpoint, role, Map.of(), null, null, Map.of(input.name(), text));
                default -> send(endpoint, role, Map.of("?" + input.name(), text), null, null, null); // PARAMETER, MAP_ENTRY
            };
            check(endpoint, role, input, reply);
        }
    }

    private void check(Endpoint endpoint, String role, Input input, Reply reply) {
        sent++;
        String what = endpoint.method() + " " + endpoint.pattern() + " " + input.kind() + " " + input.name() + " as " + role;
        if (reply.status() >= 500) {
            serverErrors.add(what + ": " + reply.status() + " " + reply.body().substring(0, Math.min(300, reply.body().length())));
        }
        if (endpoint.isApi() && reply.status() >= 400 && reply.contentType() != null
                && !reply.contentType().startsWith("application/problem+json")) {
            apiErrorsNotProblems.add(what + ": " + reply.status() + " " + reply.contentType());
        }
        boolean refused = reply.status() >= 400 || reply.status() == 200 && !endpoint.isApi() && !endpoint.method().equals("GET");
        if (refused) {
            List<String> writes = writesSinceLast();
            if (!writes.isEmpty()) {
                refusedWithWrites.merge(what + " " + writes, 1, Integer::sum);
            }
        } else if (!endpoint.method().equals("GET")) {
            awaitQuiet(); // a step that was taken: its asynchronous continuations are no refused request's writes
        }
    }

    /** @param contentType null when the server closed the connection without an answer */
    private record Reply(int status, String location, String contentType, String body) {
    }

    /**
     * @param values     a path variable by name, or a parameter by "?name"
     * @param files      a file part by parameter name, with its file name
     * @param headers    extra headers, sent as raw bytes
     */
    private Reply send(Endpoint endpoint, String role, Map<String, String> values, JsonNode json, Map<String, String> files,
                       Map<String, String> headers) {
        String path = pathOf(endpoint, values);
        Map<String, String> parameters = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("?")) {
                parameters.put(name.substring(1), value);
            }
        });
        boolean body = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE") || json != null;
        Client client = clients.get(String.valueOf(role));
        String query = parameters.isEmpty() || body && !endpoint.isApi() ? "" : "?" + form(parameters);
        if (headers != null) {
            Map<String, String> raw = new LinkedHashMap<>(client.authorization());
            raw.putAll(headers);
            raw.put("Content-Type", "application/json");
            RawHttp.Reply reply;
            try {
                reply = new RawHttp(port).send(endpoint.method(), path, raw, "{}".getBytes(StandardCharsets.UTF_8));
            } catch (UncheckedIOException e) {
                if (headers.values().stream().mapToInt(String::length).sum() > server.getMaxHttpRequestHeaderSize().toBytes()) {
                    // As for a request line over the limit (Client.send): closed, at times unanswered, nothing reached us.
                    return new Reply(400, "", null, "closed by the server: headers over the header limit");
                }
                throw e;
            }
            return new Reply(reply.status(), String.valueOf(reply.header("Location")), String.valueOf(reply.header("Content-Type")),
                    reply.body());
        }
        String contentType = null;
        byte[] content = null;
        if (files != null || hasFileInput(endpoint) && body) {
            contentType = "multipart/form-data; boundary=" + BOUNDARY;
            content = multipart(endpoint.isApi() ? Map.of() : withCsrf(client, parameters), files == null ? Map.of() : files);
        } else if (endpoint.isApi() && body) {
            contentType = "application/json";
            content = (json == null ? "{}" : json.toString()).getBytes(StandardCharsets.UTF_8);
        } else if (body) {
            contentType = "application/x-www-form-urlencoded";
            content = form(withCsrf(client, parameters)).getBytes(StandardCharsets.UTF_8);
        }
        return client.send(endpoint.method(), path + query, contentType, content, endpoint.isApi());
    }

    private boolean hasFileInput(Endpoint endpoint) {
        return Arrays.stream(endpoint.handler().getMethodParameters()).anyMatch(HostileInputFuzzTest::isFile);
    }

    private static Map<String, String> withCsrf(Client client, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (client.csrf != null) {
            all.put("_csrf", client.csrf);
        }
        return all;
    }

    private String pathOf(Endpoint endpoint, Map<String, String> values) {
        Matcher variables = PATH_VARIABLE.matcher(endpoint.pattern());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value = values.containsKey(name) ? values.get(name) : fixtureFor(endpoint.pattern(), name);
            variables.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        variables.appendTail(path);
        return path.toString();
    }

    /** A real id for a path variable, by its name and where it stands: the attack then reaches the handler's work. */
    private String fixtureFor(String pattern, String variable) {
        return switch (variable) {
            case "taskId" -> fixture.get("task");
            case "attachmentId" -> fixture.get("attachment");
            case "requestId" -> fixture.get("request");
            case "systemId" -> fixture.get("system");
            case "processorId" -> fixture.get("processor");
            case "username" -> "anna";
            case "conditionId" -> fixture.get("condition");
            case "questionId" -> fixture.get("question");
            case "invitationId" -> fixture.get("invitation");
            case "token" -> fixture.get("vendorToken");
            case "id" -> pattern.startsWith("/api/register") || pattern.startsWith("/systemer") ? fixture.get("system")
                    : pattern.contains("/conditions/") || pattern.contains("/betingelser/") ? fixture.get("conditionRequest")
                    : pattern.contains("/spoergsmaal/") || pattern.startsWith("/api/requests/{id}/vendor") ? fixture.get("screeningRequest")
                    : pattern.startsWith("/admin/mails") ? fixture.get("mail")
                    : pattern.startsWith("/opgaver") || pattern.startsWith("/api/tasks") ? fixture.get("task")
                    : fixture.get("request");
            default -> throw new AssertionError("No real value for {" + variable + "} in " + pattern
                    + ": tell HostileInputFuzzTest#fixtureFor what it names");
        };
    }

    /** A body the record would likely accept: a text, the first choice, a date next month, one of each list. */
    private static ObjectNode validBody(Class<? extends Record> record) {
        ObjectNode body = NODES.objectNode();
        for (RecordComponent component : record.getRecordComponents()) {
            body.set(component.getName(), validValue(component.getType(), component.getGenericType()));
        }
        return body;
    }

    private static JsonNode validValue(Class<?> type, Type generic) {
        if (type == String.class) {
            return NODES.textNode("Fuzz");
        }
        if (type.isEnum()) {
            return NODES.textNode(((Enum<?>) type.getEnumConstants()[0]).name());
        }
        if (type == LocalDate.class) {
            return NODES.textNode(LocalDate.now().plusMonths(1).toString());
        }
        if (type == Boolean.class || type == boolean.class) {
            return NODES.booleanNode(false);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return NODES.numberNode(1);
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return NODES.arrayNode().add(validValue(element, element));
        }
        return NODES.objectNode();
    }

    private static List<JsonNode> jsonValues(List<String> texts) {
        List<JsonNode> values = new ArrayList<>();
        texts.forEach(text -> values.add(NODES.textNode(text)));
        values.add(NODES.numberNode(new BigDecimal("1e400")));
        values.add(NODES.numberNode(new BigInteger("-" + "9".repeat(40))));
        values.add(NODES.numberNode(-1));
        values.add(NODES.booleanNode(true));
        values.add(NODES.arrayNode().add("\u0000"));
        values.add(NODES.objectNode().put("\u0000", 1));
        ArrayNode deep = NODES.arrayNode();
        ArrayNode inner = deep;
        for (int i = 0; i < 40; i++) {
            inner = inner.addArray();
        }
        values.add(deep);
        values.add(NODES.arrayNode().addAll(java.util.Collections.nCopies(10_000, NODES.textNode("Fuzz"))));
        return values;
    }

    private static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static byte[] multipart(Map<String, String> fields, Map<String, String> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, fileName) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"; filename=\"" + fileName.replace("\"", "%22") + "\"\r\nContent-Type: text/plain\r\n\r\nFuzz\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private String upload(String requestId) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notat.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nFuzz\r\n--" + BOUNDARY + "--\r\n";
        String reply = api.upload("anna", "/api/requests/" + requestId + "/attachments", "multipart/form-data; boundary=" + BOUNDARY,
                body.getBytes(StandardCharsets.UTF_8)).body();
        try {
            return JSON.readTree(reply).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the writes a request committed

    /** Every committed insert, update and delete of every table, by row, from now on. */
    private void installWriteLog() {
        jdbc.sql("create table fuzz_write_log (id bigserial primary key, table_name text not null, operation text not null)").update();
        jdbc.sql("""
                create function fuzz_log_write() returns trigger language plpgsql as $$
                begin
                    -- The mail relay records each mail it sent in the case history, whenever it sends it.
                    insert into fuzz_write_log (table_name, operation) values (lower(tg_table_name),
                        tg_op || case when tg_table_name = 'case_history' and tg_op = 'INSERT' then ' ' || (to_jsonb(new) ->> 'kind') else '' end);
                    return null;
                end $$
                """).update();
        for (String table : tables()) {
            jdbc.sql("create trigger fuzz_write after insert or update or delete on " + table
                    + " for each row execute function fuzz_log_write()").update();
        }
        lastWrite = jdbc.sql("select coalesce(max(id), 0) from fuzz_write_log").query(Long.class).single();
    }

    /** The login throttle's counts are no write of a request: every password checked is counted, refused request or not. */
    private List<String> tables() {
        return jdbc.sql("""
                select quote_ident(tablename) from pg_tables
                 where schemaname = current_schema() and tablename not in ('fuzz_write_log', 'login_failure')
                """).query(String.class).list();
    }

    private List<String> writesSinceLast() {
        List<String> writes = new ArrayList<>();
        jdbc.sql("select id, table_name, operation from fuzz_write_log where id > ? order by id").param(lastWrite)
                .query((rs, row) -> {
                    lastWrite = Math.max(lastWrite, rs.getLong("id"));
                    String write = rs.getString("table_name") + ":" + rs.getString("operation");
                    if (!BACKGROUND_WRITES.contains(write) && !writes.contains(write)) {
                        writes.add(write);
                    }
                    return write;
                }).list();
        return writes;
    }

    /**
     * Until the engine has no job left to run now: the asynchronous continuations of a step that was taken (the join
     * after the screenings) commit their writes with the job's removal, so none of them can follow later and be
     * counted against a refused request. Timers due later are not waited for.
     */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("select count(*) from act_ru_job where duedate_ is null or duedate_ <= now()")
                .query(Long.class).single() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        lastWrite = jdbc.sql("select coalesce(max(id), 0) from fuzz_write_log").query(Long.class).single();
    }

    // --- who sends

    /** A role's browser session (pages, with its CSRF token) and its Basic credentials (the API); no login for null. */
    private final class Client {

        private final String user;
        private final HttpClient http;
        private final String csrf;

        Client(String user) {
            this.user = user;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            if (user == null) {
                this.csrf = csrfOf(get("/login"));
                return;
            }
            String login = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrfOf(get("/login")), StandardCharsets.UTF_8);
            send("POST", "/login", "application/x-www-form-urlencoded", login.getBytes(StandardCharsets.UTF_8), false);
            this.csrf = csrfOf(get("/indstillinger/fravaer"));
        }

        Map<String, String> authorization() {
            return user == null ? Map.of() : Map.of("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }

        private String get(String path) {
            return send("GET", path, null, null, false).body();
        }

        Reply send(String method, String target, String contentType, byte[] body, boolean basic) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (basic) {
                authorization().forEach(request::header);
                request.header("X-Requested-By", "fuzz");
            }
            try {
                var response = http.send(request.build(), BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                        response.headers().firstValue("Content-Type").orElse(""), response.body());
            } catch (IOException e) {
                if (target.length() > server.getMaxHttpRequestHeaderSize().toBytes()) {
                    // Tomcat refuses a request line over its header limit and closes the connection, at times before
                    // the client has written all of it: then there is no answer to read, and nothing reached the
                    // application. Still a refusal, which the write check follows.
                    return new Reply(400, "", null, "closed by the server: request line over the header limit");
                }
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String csrfOf(String page) {
            Matcher matcher = CSRF_INPUT.matcher(page);
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}
