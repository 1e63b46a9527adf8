package dk.indkoebsscreening.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The committed {@code docs/openapi.yaml} is the running application's document; the document and Swagger UI are for
 * logged-in users only, whichever way the path is spelt, and describe the JSON API only.
 */
class OpenApiDocumentTest extends ApiTestBase {

    @Autowired
    OpenAPIService documents;

    static final Path COMMITTED = Path.of("docs/openapi.yaml");
    static final List<String> DOCUMENTS = List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config");
    static final List<String> UI = List.of("/swagger-ui/index.html", "/swagger-ui.html", "/swagger-ui/swagger-initializer.js",
            "/swagger-ui/");
    /** The document's paths spelt as a client that means harm spells them. */
    static final List<String> SPELLINGS = List.of("/v3/api-docs/../", "/v3/api-docs/..", "/v3/api-docs/", "/v3/api-docs;x=1",
            "/v3/api-docs.yaml;x=1", "/v3/api-docs.json", "/v3/%61pi-docs", "/v3/api-docs%2Fswagger-config",
            "/v3/api-docs/%2e%2e/", "/v3//api-docs", "//v3/api-docs", "/V3/api-docs", "/v3/API-DOCS", "/x/../v3/api-docs",
            "/v3/api-docs?group=x", "/api/../v3/api-docs", "/swagger-ui/../v3/api-docs", "/swagger-ui/%2e%2e/v3/api-docs",
            "/swagger-ui/index.html;x=1", "/swagger-ui//index.html", "/webjars/swagger-ui/index.html",
            "/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/index.css", "/v3/api-docs/swagger-config/");

    /**
     * Fails when a controller, a body's record or an annotation changed the document and docs/openapi.yaml was not
     * written again: {@code -Dopenapi.document=write} writes it (README, "JSON API").
     */
    @Test
    void theCommittedDocumentIsTheRunningApplicationsDocument() throws IOException {
        ApiClient.RawResponse served = api.raw("anna", "GET", "/v3/api-docs.yaml", null, null);
        assertThat(served.status()).isEqualTo(200);
        if ("write".equals(System.getProperty("openapi.document"))) {
            Files.writeString(COMMITTED, served.body(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/openapi.yaml differs from the application's document: ./mvnw test -Dtest=OpenApiDocumentTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.document=write writes it again")
                .isEqualTo(served.body());
        // springdoc builds the document once per language asked for: the same document in each.
        RawHttp.Reply english = new RawHttp(port).send("GET", "/v3/api-docs.yaml",
                Map.of("Authorization", RawHttp.basic("anna"), "Accept-Language", "en"), null);
        assertThat(english.body()).isEqualTo(served.body());
    }

    /**
     * springdoc builds the document anew for every language it has not built it in, under one lock, and keeps each:
     * a caller making up languages (the pages' {@code ?lang=}, their cookie, {@code Accept-Language}) must get the
     * document in one of ours, not have another one built and kept.
     */
    @Test
    void aLanguageOfTheCallersMakingBuildsNoDocumentOfItsOwn() {
        RawHttp http = new RawHttp(port);
        String danish = http.get("anna", "/v3/api-docs").body();
        String login = RawHttp.basic("anna");
        for (String language : List.of("fr", "zz", "qq-ZZ", "de")) {
            List<RawHttp.Reply> replies = List.of(
                    http.send("GET", "/v3/api-docs?lang=" + language, Map.of("Authorization", login), null),
                    http.send("GET", "/v3/api-docs", Map.of("Authorization", login, "Cookie", "indkoeb-lang=" + language), null),
                    http.send("GET", "/v3/api-docs", Map.of("Authorization", login, "Accept-Language", language), null));
            for (RawHttp.Reply reply : replies) {
                assertThat(reply.status()).as(language).isEqualTo(200);
                assertThat(reply.body()).as(language).isEqualTo(danish);
            }
            assertThat(documents.getCachedOpenAPI(Locale.forLanguageTag(language))).as(language).isNull();
        }
    }

    @Test
    void theDocumentDescribesTheJsonApiOnlyAndEveryErrorAsOneProblem() throws IOException {
        JsonNode document = new ObjectMapper().readTree(api.raw("anna", "GET", "/v3/api-docs", null, null).body());

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).isNotEmpty().allMatch(path -> path.startsWith("/api/"))
                .contains("/api/requests", "/api/tasks/{id}", "/api/tasks/{id}/complete");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        document.get("paths").forEach(path -> path.forEach(operation -> operation.get("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                String reference = response.getValue().path("$ref").asText();
                assertThat(document.at(reference.substring(1) + "/content").fieldNames())
                        .toIterable().containsExactly("application/problem+json");
                assertThat(document.at(reference.substring(1) + "/content/application~1problem+json/schema/$ref").asText())
                        .isEqualTo("#/components/schemas/Problem");
            }
        })));
        // One per step's form; the two condition steps' (ReportForm, ReasonForm) are taken at the condition's own address.
        assertThat(document.at("/paths/~1api~1tasks~1{id}~1complete/post/requestBody/content/application~1json/schema/anyOf"))
                .as("one body per kind of task").hasSize(TaskType.values().length);
        // The bounds the API refuses beyond (page-out-of-range), so that a client learns them from the document.
        assertThat(parameter(document, "/api/requests/search", "size").at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(parameter(document, "/api/requests/search", "size").at("/schema/maximum").asInt()).isEqualTo(1000);
        assertThat(parameter(document, "/api/requests", "limit").at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(parameter(document, "/api/requests", "limit").at("/schema/maximum").asInt()).isEqualTo(1000);
        assertThat(parameter(document, "/api/requests", "limit").at("/schema/default").asInt()).isEqualTo(200);
        for (String list : List.of("/api/requests/search", "/api/register")) {
            assertThat(parameter(document, list, "page").at("/schema/minimum").asInt()).as(list).isEqualTo(1);
            assertThat(parameter(document, list, "page").at("/schema/default").asInt()).as(list).isEqualTo(1);
            assertThat(parameter(document, list, "page").at("/schema/type").asText()).as(list).isEqualTo("integer");
        }
    }

    private static JsonNode parameter(JsonNode document, String path, String name) {
        for (JsonNode parameter : document.at("/paths/" + path.replace("/", "~1") + "/get/parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError(path + " has no parameter " + name);
    }

    @Test
    void everyLoggedInUserReadsTheDocumentWithBasicAndSwaggerUiInTheirSession() {
        RawHttp http = new RawHttp(port);
        for (String user : List.of("anna", "sikkerhed", Lifecycle.COORDINATOR, "admin")) {
            for (String document : DOCUMENTS) {
                assertThat(http.get(user, document).status()).as(user + " " + document).isEqualTo(200);
            }
        }
        WebSession browser = new WebSession(port);
        browser.login("anna");
        HttpResponse<String> ui = browser.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(browser.get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs");
        assertThat(browser.get("/v3/api-docs").body()).contains("\"openapi\":\"3.1.0\"");
    }

    /**
     * HEAD and OPTIONS open none of the contracts' doors without a login (and say nothing of them), and no method but
     * GET does anything to a contract for a user who has logged in.
     */
    @Test
    void noOtherMethodOpensOrChangesAContract() {
        RawHttp http = new RawHttp(port);
        List<String> contracts = new ArrayList<>(DOCUMENTS);
        contracts.addAll(UI);
        contracts.addAll(List.of("/docs/asyncapi.yaml", "/docs/schemas/decision-made.v1.json"));
        String before = http.get("anna", "/v3/api-docs.yaml").body();
        byte[] body = "{\"openapi\": \"3.1.0\", \"paths\": {}}".getBytes(StandardCharsets.UTF_8);
        for (String path : contracts) {
            for (String method : List.of("HEAD", "OPTIONS")) {
                for (Map<String, String> accept : List.of(Map.of("Accept", "application/json"), Map.of("Accept", "text/html"))) {
                    RawHttp.Reply reply = http.send(method, path, accept, null);
                    assertThat(reply.status()).as(method + " " + path + " " + accept).isIn(302, 401);
                    if (reply.status() == 302) {
                        assertThat(reply.header("Location")).as(method + " " + path).endsWith("/login");
                    }
                    assertThat(reply.header("Allow")).as(method + " " + path).isNull();
                    assertThat(reply.body()).as(method + " " + path).doesNotContain("\"openapi\"", "openapi:", "asyncapi: 3",
                            "draft-07", "SwaggerUIBundle", "/api/tasks");
                }
            }
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                RawHttp.Reply reply = http.send(method, path, Map.of("Authorization", RawHttp.basic("admin"),
                        "Content-Type", "application/json"), body);
                assertThat(reply.status()).as(method + " " + path).isIn(403, 405);
            }
        }
        assertThat(http.get("anna", "/v3/api-docs.yaml").body()).isEqualTo(before);
    }

    /** Every door springdoc adds is closed to an anonymous caller: 401 for the documents, the login page for the UI. */
    @Test
    void withoutALoginNoSpellingOfTheDocumentOrSwaggerUiOpens() {
        RawHttp http = new RawHttp(port);
        for (String document : DOCUMENTS) {
            // A browser's Accept too: the document is for tools, which are told to authenticate, not sent to a form.
            for (Map<String, String> accept : List.of(Map.<String, String>of(), Map.of("Accept", "application/json"),
                    Map.of("Accept", "text/html,application/xhtml+xml"), Map.of("Accept", "*/*"))) {
                RawHttp.Reply reply = http.send("GET", document, accept, null);
                assertThat(reply.status()).as(document + " " + accept).isEqualTo(401);
                assertThat(reply.header("WWW-Authenticate")).as(document + " " + accept).startsWith("Basic");
                assertThat(reply.body()).as(document + " " + accept).doesNotContain("openapi", "/api/");
            }
            assertThat(http.get("anna", "wrong", document).status()).as("wrong password " + document).isEqualTo(401);
        }
        for (String page : UI) {
            RawHttp.Reply reply = http.send("GET", page, Map.of("Accept", "text/html"), null);
            assertThat(reply.status()).as(page).isEqualTo(302);
            assertThat(reply.header("Location")).as(page).endsWith("/login");
        }
        for (String spelling : SPELLINGS) {
            for (Map<String, String> accept : List.of(Map.of("Accept", "application/json"), Map.of("Accept", "text/html"))) {
                RawHttp.Reply reply = http.send("GET", spelling, accept, null);
                assertThat(reply.status()).as(spelling + " " + accept).isIn(302, 400, 401, 404);
                if (reply.status() == 302) {
                    assertThat(reply.header("Location")).as(spelling).endsWith("/login");
                }
                assertThat(reply.body()).as(spelling).doesNotContain("\"openapi\"", "openapi:", "SwaggerUIBundle", "/api/tasks");
            }
        }
    }
}
