package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.municipality.Municipalities;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.municipality.MunicipalityForm;
import dk.indkoebsscreening.municipality.MunicipalitySettings;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Files.Multipart;
import dk.indkoebsscreening.testsupport.MadeUpMunicipalities;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared IT-service organisation's experts ({@code installation}, {@code support}) attack what is not theirs: their
 * inbox holds exactly the tasks routed to their group; another area's task of a municipality, a request without a task
 * of theirs and every list, search, export, register, dashboard and the request form refuse them or show nothing, and
 * nothing changes; a municipality that routes nothing to them keeps its tasks from them. The request of a task they
 * completed they still read.
 */
class SharedExpertsAttackTest extends ApiTestBase {

    private static final Map<String, Area> SHARED_EXPERTS = Map.of("installation", Area.INSTALLATION, "support", Area.SUPPORT);
    /** A municipality made here that screens every area with its own experts (removed after). */
    private static final String OWN_EXPERTS_ONLY = "test-shared-egenby";
    private static final String OWN_REQUESTER = "test-egenby-anmoder";
    private static final String OWN_COORDINATOR = "test-egenby-koordinator";
    private static final String OWN_INSTALLER = "test-egenby-installation";

    @Autowired
    IdentityService identity;
    @Autowired
    IdentitySetup people;
    @Autowired
    MunicipalitySettings settings;
    @Autowired
    Municipalities municipalities;
    @Autowired
    RuntimeService runtime;

    private final List<String> ownRequests = new ArrayList<>();

    @AfterEach
    void removeTheMunicipalityItsPeopleAndRequests() {
        MadeUpMunicipalities.removeRequests(jdbc, runtime, OWN_EXPERTS_ONLY, ownRequests);
        List.of(OWN_REQUESTER, OWN_COORDINATOR, OWN_INSTALLER).forEach(identity::deleteUser);
        MadeUpMunicipalities.remove(jdbc, identity, OWN_EXPERTS_ONLY);
    }

    @Test
    void theInboxListsExactlyTheTasksRoutedToTheGroupAndNoOtherAreasTask() {
        String requestId = lifecycle.submitAndAccept("anna", "Delt opgaveliste " + tag());
        String contractTask = api.awaitTask("kontrakt", requestId, "SCREENING").get("id").asText();

        for (Map.Entry<String, Area> expert : SHARED_EXPERTS.entrySet()) {
            Area area = expert.getValue();
            Set<String> routing = municipalities.all().stream().filter(m -> m.sharedAreas().contains(area))
                    .map(Municipality::id).collect(Collectors.toSet());
            assertThat(routing).as("the demo routes %s to the shared organisation", area).contains("sydby");
            api.awaitTask(expert.getKey(), requestId, "SCREENING");
            List<JsonNode> tasks = api.tasks(expert.getKey());
            assertThat(tasks).as(expert.getKey()).isNotEmpty().allSatisfy(task -> {
                assertThat(task.get("type").asText()).as(task.toString()).isEqualTo("SCREENING");
                assertThat(task.get("area").asText()).as(task.toString()).isEqualTo(area.name());
                assertThat(task.get("municipality").asText()).as(task.toString()).isIn(routing);
            });
            assertThat(tasks.stream().map(task -> task.get("municipality").asText()).distinct())
                    .as("%s's inbox holds both municipalities' tasks", expert.getKey()).contains("sydby").hasSizeGreaterThan(1);

            // Another area's task of a municipality they screen for: not theirs to read, take or complete.
            String attacker = expert.getKey();
            assertThat(api.get(attacker, "/api/tasks/" + contractTask).status()).as("read").isIn(403, 404);
            assertThat(api.post(attacker, "/api/tasks/" + contractTask + "/claim", null).status()).as("claim").isIn(403, 404);
            assertThat(api.complete(attacker, contractTask, lifecycle.approval(Area.CONTRACT)).status()).as("complete").isIn(403, 404);
            WebSession session = loggedIn(attacker);
            HttpResponse<String> page = session.get("/opgaver/" + contractTask);
            assertThat(page.statusCode()).as("the task's page").isIn(403, 404);
            assertThat(page.body()).doesNotContain("Delt opgaveliste");
            assertThat(session.postForm("/indstillinger/fravaer", "/opgaver/" + contractTask + "/tag", "").statusCode())
                    .as("taking it on its page").isIn(403, 404);
            assertThat(session.postForm("/indstillinger/fravaer", "/opgaver/" + contractTask, "verdict=APPROVED").statusCode())
                    .as("completing it on its page").isIn(403, 404);
        }
        JsonNode untouched = api.get("kontrakt", "/api/tasks/" + contractTask).body();
        assertThat(untouched.get("assignee").isNull()).as("nobody took the contract task: " + untouched).isTrue();
    }

    @Test
    void aRequestWithoutATaskOfTheirsIsNotFoundAndOneTheyScreenedStaysReadable() throws Exception {
        String tag = tag();
        String title = "Delt triage " + tag;
        String inTriage = api.submit("anna", title).get("id").asText();
        String file = attach(inTriage, tag);
        List<String> unreachable = new ArrayList<>(List.of(inTriage));
        Tenancy.runAs("nordby", () -> jdbc.sql("select id::text from purchase_request where title = ? and status = 'IN_TRIAGE'")
                .param("Tidsbestilling i Borgerservice").query(String.class).optional().ifPresent(unreachable::add));

        for (String attacker : SHARED_EXPERTS.keySet()) {
            WebSession session = loggedIn(attacker);
            for (String request : unreachable) {
                for (String door : List.of("/api/requests/" + request, "/api/requests/" + request + "/report.pdf",
                        "/api/requests/" + request + "/attachments/" + file)) {
                    HttpResponse<byte[]> refused = api.download(attacker, door);
                    assertThat(refused.statusCode()).as(attacker + " " + door).isEqualTo(404);
                    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(door).doesNotContain(title, "Tidsbestilling");
                }
                for (String door : List.of("/anmodninger/" + request, "/anmodninger/" + request + "/rapport.pdf",
                        "/anmodninger/" + request + "/bilag/" + file, "/anmodninger/" + request + "/proces",
                        "/anmodninger/" + request + "/proces.bpmn")) {
                    HttpResponse<String> refused = session.get(door);
                    assertThat(refused.statusCode()).as(attacker + " " + door).isEqualTo(404);
                    assertThat(refused.body()).as(door).doesNotContain(title, "Tidsbestilling").doesNotStartWith("%PDF");
                }
            }
        }

        // Accepted, the request has a task of theirs: they read it, and still after completing their screening.
        lifecycle.accept(inTriage);
        JsonNode installation = api.awaitTask("installation", inTriage, "SCREENING");
        assertThat(api.download("installation", "/api/requests/" + inTriage).statusCode()).isEqualTo(200);
        api.completeOk("installation", installation.get("id").asText(), lifecycle.approval(Area.INSTALLATION));
        assertThat(api.tasks("installation")).noneMatch(task -> task.get("requestId").asText().equals(inTriage));
        assertThat(api.get("installation", "/api/requests/" + inTriage).body().toString()).contains(title);
        assertThat(api.download("installation", "/api/requests/" + inTriage + "/attachments/" + file).statusCode()).isEqualTo(200);
        assertThat(api.download("installation", "/api/requests/" + inTriage + "/report.pdf").statusCode()).isEqualTo(200);
        WebSession session = loggedIn("installation");
        HttpResponse<String> page = session.get("/anmodninger/" + inTriage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title);
        assertThat(session.get("/anmodninger/" + inTriage + "/proces").statusCode()).isEqualTo(200);
    }

    @Test
    void listsSearchExportRegisterDashboardAndTheRequestFormRefuseThemAndNothingChanges() {
        Map<String, Integer> before = counts();
        String nordbys = "3D-tandskanning";
        String sydbys = "Ruteplanlægning i hjemmeplejen";
        for (String attacker : SHARED_EXPERTS.keySet()) {
            for (String door : List.of("/api/requests", "/api/requests?mine=true", "/api/requests/search",
                    "/api/requests/search?q=" + WebSession.encode(nordbys), "/api/register", "/api/register/renewals",
                    "/api/register/similar?systemName=" + WebSession.encode("BookPlus Booking"), "/api/stand-ins")) {
                ApiClient.Response answer = api.get(attacker, door);
                assertThat(answer.status()).as(attacker + " " + door).isEqualTo(403);
                assertThat(String.valueOf(answer.body())).as(door).doesNotContain(nordbys, sydbys, "BookPlus");
            }
            // Camunda's own doors, which would list every municipality's tasks.
            RawHttp raw = new RawHttp(port);
            for (String door : List.of("/engine-rest/task", "/engine-rest/process-instance",
                    "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/task/count")) {
                RawHttp.Reply answer = raw.get(attacker, door);
                assertThat(answer.status()).as(attacker + " " + door).isIn(401, 403);
                assertThat(answer.body()).as(door).doesNotContain("processInstanceId", "\"count\"");
            }
            assertThat(api.post(attacker, "/api/requests", ApiClient.validRequest("Delt forsøg")).status()).isEqualTo(403);
            assertThat(api.post(attacker, "/api/register", Map.of("name", "Delt forsøg")).status()).isEqualTo(403);

            WebSession session = loggedIn(attacker);
            for (String door : List.of("/anmodninger", "/anmodninger/alle", "/anmodninger/alle?q=" + WebSession.encode(nordbys),
                    "/anmodninger/alle.csv", "/anmodninger/alle.csv?q=" + WebSession.encode(sydbys), "/anmodninger/ny",
                    "/systemer", "/systemer/ny", "/overblik", "/opgaver/fravaer",
                    "/anmodninger/lignende?systemName=" + WebSession.encode("BookPlus Booking"),
                    "/anmodninger/lignende?systemName=" + WebSession.encode("CareRoute"))) {
                HttpResponse<String> answer = session.get(door);
                assertThat(answer.statusCode()).as(attacker + " " + door).isEqualTo(403);
                assertThat(answer.body()).as(door).doesNotContain(nordbys, sydbys, "BookPlus", "CareRoute", "Sara Sikkerhed");
            }
            for (String form : List.of("/anmodninger/ny", "/anmodninger/kladde", "/systemer/ny")) {
                assertThat(session.postForm("/indstillinger/fravaer", form, "title=Delt+fors%C3%B8g&systemName=Delt&name=Delt")
                        .statusCode()).as(attacker + " POST " + form).isEqualTo(403);
            }
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aMunicipalityThatRoutesNothingToThemKeepsItsTasksFromThem() {
        settings.create(new MunicipalityForm(OWN_EXPERTS_ONLY, "Egenby Kommune", null, null, "indkoeb@egenby.example", null,
                50, BigDecimal.valueOf(20_000), null, "urn:indkoebsscreening:egenby", Map.of(), Set.of()));
        people.user(OWN_REQUESTER, "Egon", "Anmoder", "demo", List.of(Groups.STAFF), OWN_EXPERTS_ONLY);
        people.user(OWN_COORDINATOR, "Eva", "Koordinator", "demo", List.of(Groups.STAFF, Groups.COORDINATORS), OWN_EXPERTS_ONLY);
        people.user(OWN_INSTALLER, "Erik", "Installation", "demo", List.of(Groups.STAFF, Area.INSTALLATION.candidateGroup()),
                OWN_EXPERTS_ONLY);
        String title = "Egen installation " + tag();
        String requestId = api.submit(OWN_REQUESTER, title).get("id").asText();
        ownRequests.add(requestId);
        JsonNode triage = api.awaitTask(OWN_COORDINATOR, requestId, "TRIAGE");
        api.completeOk(OWN_COORDINATOR, triage.get("id").asText(), Map.of("outcome", "ACCEPT"));

        JsonNode own = api.awaitTask(OWN_INSTALLER, requestId, "SCREENING");
        assertThat(own.get("area").asText()).isEqualTo("INSTALLATION");
        assertThat(own.get("municipality").asText()).isEqualTo(OWN_EXPERTS_ONLY);
        String taskId = own.get("id").asText();
        for (String attacker : SHARED_EXPERTS.keySet()) {
            assertThat(api.tasks(attacker)).as(attacker).isNotEmpty()
                    .noneMatch(task -> task.get("requestId").asText().equals(requestId))
                    .noneMatch(task -> task.get("municipality").asText().equals(OWN_EXPERTS_ONLY));
            assertThat(api.get(attacker, "/api/tasks/" + taskId).status()).isIn(403, 404);
            assertThat(api.post(attacker, "/api/tasks/" + taskId + "/claim", null).status()).isIn(403, 404);
            assertThat(api.get(attacker, "/api/requests/" + requestId).status()).isEqualTo(404);
            HttpResponse<String> page = loggedIn(attacker).get("/anmodninger/" + requestId);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).doesNotContain(title);
        }
        assertThat(api.get(OWN_INSTALLER, "/api/tasks/" + taskId).body().get("assignee").isNull()).as("nobody took it").isTrue();
        assertThat(api.post(OWN_INSTALLER, "/api/tasks/" + taskId + "/claim", null).status()).as("its own expert takes it").isEqualTo(204);
    }

    /** Rows of every municipality, whatever the test's own scope. */
    private Map<String, Integer> counts() {
        return Tenancy.callAcross(() -> List.of("purchase_request", "request_draft", "registered_system", "attachment").stream()
                .collect(Collectors.toMap(table -> table,
                        table -> jdbc.sql("select count(*) from " + table).query(Integer.class).single())));
    }

    private String attach(String requestId, String tag) throws Exception {
        Multipart file = Files.file("tilbud.pdf", "application/pdf", Files.pdf("tilbud " + tag));
        return new ObjectMapper().readTree(api.upload("anna", "/api/requests/" + requestId + "/attachments",
                file.contentType(), file.body()).body()).get("id").asText();
    }

    private WebSession loggedIn(String user) {
        WebSession session = new WebSession(port);
        session.login(user);
        return session;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
