package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.indkoebsscreening.testsupport.ApiClient.RawResponse;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The event contract as an integrator's tools fetch it from the running application: the AsyncAPI document and every
 * schema it refers to, resolved against the document's own URL, are the files in the repository; only for users who
 * have logged in.
 */
class ContractDocumentsTest extends ApiTestBase {

    private static final String DOCUMENT = "/docs/asyncapi.yaml";

    @Test
    void aLoggedInUserGetsTheDocumentAndEverySchemaItRefersToFromItsOwnUrl() throws IOException {
        RawResponse document = api.raw("anna", "GET", DOCUMENT, null, null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(Files.readString(Path.of(EventContractTest.ASYNCAPI_FILE)));

        Set<String> references = externalReferences(new ObjectMapper(new YAMLFactory()).readTree(document.body()));
        assertThat(references).hasSize(EventType.values().length);
        URI base = URI.create("http://localhost" + DOCUMENT);
        for (String reference : references) {
            String path = base.resolve(reference).getPath();
            RawResponse schema = api.raw("anna", "GET", path, null, null);
            assertThat(schema.status()).as(path).isEqualTo(200);
            assertThat(schema.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(schema.body()).as(path).isEqualTo(Files.readString(Path.of("src/main/resources" + path)));
        }
    }

    @Test
    void nobodyWhoHasNotLoggedInGetsIt() {
        RawHttp http = new RawHttp(port);
        for (String path : new String[] {DOCUMENT, "/docs/schemas/decision-made.v1.json"}) {
            RawHttp.Reply script = http.send("GET", path, Map.of("Accept", "*/*"), null);
            assertThat(script.status()).as(path).isEqualTo(401);
            assertThat(script.body()).as(path).doesNotContain("asyncapi: 3", "draft-07");
            RawHttp.Reply browser = http.send("GET", path, Map.of("Accept", "text/html"), null);
            assertThat(browser.status()).as(path).isEqualTo(302);
            assertThat(browser.header("Location")).as(path).endsWith("/login");
            assertThat(http.get("anna", "forkert", path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void onlyTheContractsFolderIsServed() {
        RawHttp http = new RawHttp(port);
        for (String path : new String[] {"/docs/../application.yml", "/docs/%2e%2e/application.yml",
                "/docs/..%2fapplication.yml", "/docs/application.yml", "/docs/checklists.yml"}) {
            RawHttp.Reply reply = http.get("anna", path);
            assertThat(reply.status()).as(path).isNotEqualTo(200);
            assertThat(reply.body()).as(path).doesNotContain("spring:", "indkoeb:", "questions:");
        }
    }

    private static Set<String> externalReferences(JsonNode node) {
        Set<String> references = new LinkedHashSet<>();
        node.findValues("$ref").stream().map(JsonNode::asText).filter(reference -> !reference.startsWith("#"))
                .forEach(references::add);
        return references;
    }
}
