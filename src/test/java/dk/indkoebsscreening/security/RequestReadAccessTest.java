package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Files.Multipart;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One rule for who may read a request, attacked through every door that shows one: another requester and a member of
 * a group that has nothing to do with screening get a refusal and nothing of the request (not its title, reference,
 * files or report) from the case file's page and API, a file's download, the screening report, the process picture,
 * the task pages and the duplicate check; its requester, an expert and a coordinator read it.
 */
class RequestReadAccessTest extends ApiTestBase {

    private static final String OTHER_REQUESTER = "bent";
    /** Staff, and in the municipality's finance group, which takes no part in screening. */
    private static final String UNRELATED = "oekonom";
    private static final String UNRELATED_GROUP = "oekonomi";

    @Autowired
    IdentityService identity;

    @BeforeEach
    void memberOfAnUnrelatedGroup() {
        Group group = identity.newGroup(UNRELATED_GROUP);
        group.setName("Økonomi");
        identity.saveGroup(group);
        User user = identity.newUser(UNRELATED);
        user.setFirstName("Øko");
        user.setLastName("Nom");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(UNRELATED, Groups.STAFF);
        identity.createMembership(UNRELATED, UNRELATED_GROUP);
    }

    @AfterEach
    void removeThem() {
        identity.deleteUser(UNRELATED);
        identity.deleteGroup(UNRELATED_GROUP);
    }

    @Test
    void onlyWhoMayReadTheRequestGetsAnythingOfIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "Læseadgang " + tag;
        String systemName = "Læsetjek " + tag;
        Map<String, Object> form = ApiClient.validRequest(title);
        form.put("systemName", systemName);
        ApiClient.Response submitted = api.post("anna", "/api/requests", form);
        assertThat(submitted.status()).isEqualTo(201);
        String requestId = submitted.body().get("id").asText();
        String reference = submitted.body().get("reference").asText();
        byte[] offer = Files.pdf("fortroligt tilbud " + tag);
        Multipart file = Files.file("tilbud.pdf", "application/pdf", offer);
        JsonNode added = new ObjectMapper().readTree(api.upload("anna", "/api/requests/" + requestId + "/attachments",
                file.contentType(), file.body()).body());
        String fileId = added.get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT"));
        String screening = api.awaitTask(Lifecycle.expertFor(Area.SECURITY), requestId, "SCREENING").get("id").asText();

        List<String> apiDoors = List.of("/api/requests/" + requestId, "/api/requests/" + requestId + "/report.pdf",
                "/api/requests/" + requestId + "/attachments/" + fileId, "/api/tasks/" + screening);
        List<String> pageDoors = List.of("/anmodninger/" + requestId, "/anmodninger/" + requestId + "/kvittering",
                "/anmodninger/" + requestId + "/rapport.pdf", "/anmodninger/" + requestId + "/bilag/" + fileId,
                "/anmodninger/" + requestId + "/proces.bpmn", "/opgaver/" + triage, "/opgaver/" + screening);

        for (String reader : List.of("anna", Lifecycle.expertFor(Area.CONTRACT), Lifecycle.COORDINATOR)) {
            for (String door : List.of(apiDoors.get(0), apiDoors.get(1), apiDoors.get(2))) {
                assertThat(api.download(reader, door).statusCode()).as(reader + " " + door).isEqualTo(200);
            }
            WebSession session = new WebSession(port);
            session.login(reader);
            for (String door : pageDoors.subList(0, 5)) {
                assertThat(session.get(door).statusCode()).as(reader + " " + door).isEqualTo(200);
            }
            if (!reader.equals("anna")) { // the task pages are the expert group's
                assertThat(session.get("/opgaver/" + triage).body()).as(reader + ": the completed triage").contains(reference);
            }
            assertThat(similar(reader, systemName)).as(reader).contains(reference, title);
        }

        for (String attacker : List.of(OTHER_REQUESTER, UNRELATED)) {
            for (String door : apiDoors) {
                HttpResponse<byte[]> refused = api.download(attacker, door);
                assertThat(refused.statusCode()).as(attacker + " " + door).isIn(403, 404);
                assertNothingOf(attacker + " " + door, new String(refused.body(), StandardCharsets.UTF_8), title, reference, tag);
            }
            WebSession session = new WebSession(port);
            session.login(attacker);
            for (String door : pageDoors) {
                HttpResponse<String> refused = session.get(door);
                assertThat(refused.statusCode()).as(attacker + " " + door).isIn(403, 404);
                assertNothingOf(attacker + " " + door, refused.body(), title, reference, tag);
            }
            String matches = similar(attacker, systemName);
            assertThat(matches).as(attacker + ": the duplicate check names the system").contains(systemName);
            assertNothingOf(attacker + " duplicate check", matches, title, reference, requestId);
            HttpResponse<String> fragment = session.get("/anmodninger/lignende?systemName=" + WebSession.encode(systemName));
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body()).contains(systemName);
            assertNothingOf(attacker + " duplicate check's page", fragment.body(), title, reference, requestId);
            assertNothingOf(attacker + " search", api.get(attacker, "/api/requests/search?q=" + WebSession.encode(tag)).body().toString(),
                    title, reference, requestId);
        }
    }

    private String similar(String user, String systemName) {
        ApiClient.Response response = api.get(user, "/api/register/similar?systemName=" + WebSession.encode(systemName));
        assertThat(response.status()).isEqualTo(200);
        return response.body().toString();
    }

    private static void assertNothingOf(String what, String body, String... secrets) {
        assertThat(body).as(what).doesNotContain(secrets).doesNotStartWith("%PDF");
    }
}
