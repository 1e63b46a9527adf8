package dk.indkoebsscreening.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.process.SupervisionProcess;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data processors of a registered system and their supervision through the JSON API and the pages on the whole
 * application: coordinators and the security group change them, everyone else is refused and nothing changes; a
 * supervision's task comes on its date (its timer fired) and, completed with a result, gives the next date.
 */
class SupervisionApiTest extends ApiTestBase {

    private static final String SECURITY = "sikkerhed";
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private String system(String name, String personalData) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vendor", "Omsorgsdata A/S");
        body.put("personalData", personalData);
        return api.post(Lifecycle.COORDINATOR, "/api/register", body).body().get("id").asText();
    }

    private static Map<String, Object> processor(String name, LocalDate nextDue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("cvr", "12345678");
        body.put("processing", "Drift og hosting af hjemmeplejens planlægning med CPR-numre");
        body.put("method", "ISAE_3402_TYPE_2");
        body.put("intervalMonths", 12);
        body.put("nextDue", nextDue.toString());
        return body;
    }

    private static LocalDate today() {
        return LocalDate.now(COPENHAGEN);
    }

    private long processors() {
        return jdbc.sql("select count(*) from data_processor").query(Long.class).single();
    }

    private String lastChange() {
        return jdbc.sql("select coalesce(max(updated_at)::text, '') || coalesce(max(removed_at)::text, '') from data_processor")
                .query(String.class).single();
    }

    private ProcessInstance supervisionOf(String processorId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY)
                .variableValueEquals(SupervisionProcess.PROCESSOR_ID, processorId).active().singleResult();
    }

    /** Fires this processor's timer now, as the job executor does on its date, without moving the engine's clock. */
    private Job fireTimer(String processorId) {
        Job timer = management.createJobQuery().processInstanceId(supervisionOf(processorId).getId()).timers().singleResult();
        assertThat(timer).as("the supervision's timer").isNotNull();
        management.executeJob(timer.getId());
        return timer;
    }

    private List<String> events(String systemId, String type) {
        return jdbc.sql("select payload::text from outbox_event where request_id = ? and type = ? order by seq")
                .params(UUID.fromString(systemId), "dk.indkoebsscreening." + type + ".v1").query(String.class).list();
    }

    @Test
    void aSupervisionTaskComesOnItsDateAndItsResultGivesTheNextDate() throws IOException {
        String systemId = system("Hjemmeplejeplan Syd " + UUID.randomUUID().toString().substring(0, 6), "CPR");
        LocalDate due = today().plusDays(30);
        ApiClient.Response added = api.post(Lifecycle.COORDINATOR, "/api/systems/" + systemId + "/processors",
                processor("Driftscenter Nord A/S", due));
        assertThat(added.status()).isEqualTo(201);
        String processorId = added.body().get("id").asText();
        assertThat(supervisionOf(processorId).getBusinessKey()).as("keyed by the system").isEqualTo(systemId);
        assertThat(api.tasks(SECURITY)).as("no task before its date")
                .noneMatch(task -> systemId.equals(task.path("subjectId").asText()));

        Job timer = fireTimer(processorId);

        assertThat(timer.getDuedate().toInstant()).isEqualTo(due.atTime(8, 0).atZone(COPENHAGEN).toInstant());
        JsonNode task = api.tasks(SECURITY).stream().filter(candidate -> systemId.equals(candidate.path("subjectId").asText()))
                .filter(candidate -> "SUPERVISION".equals(candidate.get("type").asText())).findFirst().orElseThrow();
        assertThat(task.get("subject").asText()).isEqualTo("SYSTEM");
        assertThat(task.get("link").asText()).isEqualTo("/systemer/" + systemId);
        for (String other : List.of("anna", "kontrakt")) {
            assertThat(api.tasks(other)).as(other).noneMatch(candidate -> task.get("id").equals(candidate.get("id")));
        }
        assertThat(api.complete("anna", task.get("id").asText(), Map.of("result", "REMARKS", "evidence", "x")).status())
                .isEqualTo(403);
        assertThat(api.complete(SECURITY, task.get("id").asText(), Map.of("result", "REMARKS")).status())
                .as("the evidence is required").isEqualTo(400);
        List<String> mails = jdbc.sql("select recipient || ' ' || subject from mail_outbox where request_id = ?")
                .param(UUID.fromString(systemId)).query(String.class).list();
        assertThat(mails).as("the security group is mailed in the step's transaction")
                .containsExactly("sikkerhed@demo.kommune.dk Tilsyn med databehandler: Driftscenter Nord A/S for "
                        + api.get("anna", "/api/register/" + systemId).body().get("name").asText());
        // A mail about a system has no request to write its sending into: it is sent once and marked so, not sent again.
        Eventually.until("the supervision's mail sent", () -> jdbc.sql(
                        "select count(*) from mail_outbox where request_id = ? and sent_at is not null and attempts = 0")
                .param(UUID.fromString(systemId)).query(Integer.class).single() == 1);
        List<String> dueEvents = events(systemId, "supervision.due");
        assertThat(dueEvents).hasSize(1);
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.supervision.due.v1", dueEvents.get(0))).isEmpty();
        assertThat(jdbc.sql("select distinct subject from outbox_event where request_id = ?").param(UUID.fromString(systemId))
                .query(String.class).list()).as("key and subject are the system's id").containsExactly(systemId);

        api.completeOk(SECURITY, task.get("id").asText(),
                Map.of("result", "REMARKS", "evidence", "ISAE 3402 type 2, 2026, to bemærkninger om logning"));

        JsonNode after = api.get("anna", "/api/systems/" + systemId + "/processors/" + processorId).body();
        assertThat(after.get("nextDue").asText()).as("12 months from the day it was recorded")
                .isEqualTo(today().plusMonths(12).toString());
        assertThat(api.get("anna", "/api/systems/" + systemId + "/processors/supervisions").status())
                .as("a result may be a security finding: not for staff").isEqualTo(403);
        WebSession staff = new WebSession(port);
        staff.login("anna");
        assertThat(staff.get("/systemer/" + systemId + "/databehandlere").body()).contains("Driftscenter Nord A/S")
                .doesNotContain("supervisions-title").doesNotContain("logning");
        JsonNode supervisions = api.get("kontrakt", "/api/systems/" + systemId + "/processors/supervisions").body();
        assertThat(supervisions).hasSize(1);
        assertThat(supervisions.get(0).get("result").asText()).isEqualTo("REMARKS");
        assertThat(supervisions.get(0).get("recordedBy").asText()).isEqualTo(SECURITY);
        assertThat(supervisions.get(0).get("due").asText()).isEqualTo(due.toString());
        List<String> recorded = events(systemId, "supervision.recorded");
        assertThat(recorded).hasSize(1);
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.supervision.recorded.v1", recorded.get(0))).isEmpty();
        assertThat(json.readTree(recorded.get(0)).get("nextDue").asText()).isEqualTo(today().plusMonths(12).toString());
        assertThat(recorded.get(0)).as("the evidence stays in the application").doesNotContain("logning");
        assertThat(json.readTree(recorded.get(0)).get("intervalMonths").asInt()).isEqualTo(12);
        Job next = management.createJobQuery().processInstanceId(supervisionOf(processorId).getId()).timers().singleResult();
        assertThat(next.getDuedate().toInstant()).as("the timer waits for the next date")
                .isEqualTo(today().plusMonths(12).atTime(8, 0).atZone(COPENHAGEN).toInstant());
    }

    @Test
    void aNewDateRetimesTheSupervisionAndRemovingTheProcessorOrRetiringTheSystemEndsIt() {
        String systemId = system("Borgerkontakt " + UUID.randomUUID().toString().substring(0, 6), "ORDINARY");
        String first = api.post(SECURITY, "/api/systems/" + systemId + "/processors",
                processor("Hosting ApS", today().plusMonths(2))).body().get("id").asText();
        Map<String, Object> sub = processor("Backup ApS", today().plusMonths(3));
        sub.put("subProcessorOf", first);
        String second = api.post(SECURITY, "/api/systems/" + systemId + "/processors", sub).body().get("id").asText();

        LocalDate earlier = today().plusDays(7);
        assertThat(api.raw(SECURITY, "PUT", "/api/systems/" + systemId + "/processors/" + first, "application/json",
                bytes(processor("Hosting ApS", earlier))).status()).isEqualTo(200);
        assertThat(management.createJobQuery().processInstanceId(supervisionOf(first).getId()).timers().singleResult()
                .getDuedate().toInstant()).isEqualTo(earlier.atTime(8, 0).atZone(COPENHAGEN).toInstant());

        assertThat(api.post(SECURITY, "/api/systems/" + systemId + "/processors/" + second + "/remove", null).status())
                .isEqualTo(200);
        assertThat(supervisionOf(second)).as("the removed processor's supervision ended").isNull();
        assertThat(api.get("anna", "/api/systems/" + systemId + "/processors/" + second).body().get("removedAt").isNull()).isFalse();

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/register/" + systemId + "/retire", null).status()).isEqualTo(200);
        assertThat(supervisionOf(first)).as("a retired system's processors are not supervised").isNull();
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/register/" + systemId + "/reactivate", null).status()).isEqualTo(200);
        assertThat(supervisionOf(first)).as("in use again, supervised again").isNotNull();
        assertThat(supervisionOf(second)).as("but not the removed one").isNull();
    }

    @Test
    void badInputIsRefusedPerFieldAndASystemWithoutPersonalDataHasNoProcessors() {
        String systemId = system("Mødebooking " + UUID.randomUUID().toString().substring(0, 6), "NONE");
        long before = processors();
        ApiClient.Response none = api.post(Lifecycle.COORDINATOR, "/api/systems/" + systemId + "/processors",
                processor("Hosting ApS", today()));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("errors").get(0).get("field").asText()).isEqualTo("name");

        String withData = system("Journal " + UUID.randomUUID().toString().substring(0, 6), "SENSITIVE");
        Map<String, Object> bad = processor("", today());
        bad.put("cvr", "1234");
        bad.put("intervalMonths", 0);
        bad.put("method", "GUESSWORK");
        bad.remove("nextDue");
        ApiClient.Response refused = api.post(Lifecycle.COORDINATOR, "/api/systems/" + withData + "/processors", bad);
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = refused.body().get("errors").findValuesAsText("field");
        assertThat(fields).contains("name", "cvr", "intervalMonths", "method", "nextDue");
        Map<String, Object> unknownParent = processor("Hosting ApS", today());
        unknownParent.put("subProcessorOf", UUID.randomUUID().toString());
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/systems/" + withData + "/processors", unknownParent).status())
                .isEqualTo(400);
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/systems/" + UUID.randomUUID() + "/processors",
                processor("Hosting ApS", today())).status()).isEqualTo(404);
        // A typing slip's year is no date to supervise on, nor one the engine's timer or the database can hold.
        for (LocalDate slip : List.of(LocalDate.MAX, LocalDate.MIN, today().plusYears(11), today().minusYears(11))) {
            ApiClient.Response far = api.post(Lifecycle.COORDINATOR, "/api/systems/" + withData + "/processors",
                    processor("Hosting ApS", slip));
            assertThat(far.status()).as(slip.toString()).isEqualTo(400);
            assertThat(far.body().get("errors").findValuesAsText("field")).as(slip.toString()).containsExactly("nextDue");
        }
        assertThat(processors()).as("nothing added").isEqualTo(before);
    }

    @Test
    void onlyCoordinatorsAndTheSecurityGroupChangeProcessorsThroughTheApiAndThePages() {
        String systemId = system("Tandplejen " + UUID.randomUUID().toString().substring(0, 6), "SENSITIVE");
        String otherSystem = system("Skoleportal " + UUID.randomUUID().toString().substring(0, 6), "ORDINARY");
        String processorId = api.post(Lifecycle.COORDINATOR, "/api/systems/" + systemId + "/processors",
                processor("Scannerdrift ApS", today().plusMonths(6))).body().get("id").asText();
        assertThat(api.get("anna", "/api/systems/" + systemId + "/processors").body()).hasSize(1);
        assertThat(api.get("anna", "/api/systems/" + otherSystem + "/processors/" + processorId).status())
                .as("a processor is found under its own system only").isEqualTo(404);

        long before = processors();
        String changedBefore = lastChange();
        for (String user : List.of("anna", "bent", "kontrakt", "brugerstyring", "admin")) {
            assertThat(api.post(user, "/api/systems/" + systemId + "/processors", processor("Indsneget", today())).status())
                    .as(user).isEqualTo(403);
            assertThat(api.raw(user, "PUT", "/api/systems/" + systemId + "/processors/" + processorId, "application/json",
                    bytes(processor("Omdøbt", today()))).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/systems/" + systemId + "/processors/" + processorId + "/remove", null).status())
                    .as(user).isEqualTo(403);
            WebSession session = new WebSession(port);
            session.login(user);
            String page = "/indstillinger";
            assertThat(session.postForm(page, "/systemer/" + systemId + "/databehandlere",
                    "name=Indsneget&processing=x&method=SOC_2&intervalMonths=12&nextDue=2027-01-01").statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm(page, "/systemer/" + systemId + "/databehandlere/" + processorId,
                    "name=Omd%C3%B8bt&processing=x&method=SOC_2&intervalMonths=12&nextDue=2027-01-01").statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm(page, "/systemer/" + systemId + "/databehandlere/" + processorId + "/fjern", "")
                    .statusCode()).as(user).isEqualTo(403);
            assertThat(session.postForm(page, "/systemer/" + systemId + "/databehandlere/kitos-import", "").statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(processors()).isEqualTo(before);
        assertThat(lastChange()).isEqualTo(changedBefore);
        assertThat(supervisionOf(processorId)).as("its supervision still runs").isNotNull();
        assertThat(api.get("anna", "/api/systems/" + systemId + "/processors/" + processorId).body().get("name").asText())
                .isEqualTo("Scannerdrift ApS");

        WebSession security = new WebSession(port);
        security.login(SECURITY);
        assertThat(security.postForm("/systemer/" + systemId + "/databehandlere", "/systemer/" + systemId + "/databehandlere",
                "name=Underleverand%C3%B8r+ApS&processing=Backup&method=WRITTEN_INSPECTION&intervalMonths=24&nextDue="
                        + today().plusMonths(1)).statusCode()).as("the security group adds through the page").isEqualTo(302);
        assertThat(processors()).isEqualTo(before + 1);
        String page = security.get("/systemer/" + systemId + "/databehandlere").body();
        assertThat(page).contains("Scannerdrift ApS", "Underleverandør ApS", "Skriftligt tilsyn");
        assertThat(security.postForm("/systemer/" + systemId + "/databehandlere", "/systemer/" + systemId + "/databehandlere",
                "name=&processing=&method=&intervalMonths=tolv&nextDue=").statusCode()).isEqualTo(400);
    }

    @Test
    void theKitosExamplesSupervisionIsAValidSupervisionEvent() throws IOException {
        String payload = java.nio.file.Files.readString(
                java.nio.file.Path.of("examples/kitos-handoff/src/test/resources/supervision-recorded.v1.json"));
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.supervision.recorded.v1", payload)).isEmpty();
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
