package dk.indkoebsscreening.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.process.RenewalProcess;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Timers;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A system's renewal on the whole application: a contract end date starts it, its date (the timer, fired for this
 * system only) tells the owner and the coordinators (mails, renewal.due.v1 keyed by the system) and gives them a task
 * about the system; only they complete it, renewing as it is needs a note; a changed end date re-times it and a
 * retirement ends it.
 */
class RenewalApiTest extends ApiTestBase {

    private static final String COORDINATOR = Lifecycle.COORDINATOR;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ProcessEngine engine;

    private static Map<String, Object> system(String name, LocalDate contractEnd, int noticeMonths) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vendor", "Fornyværk A/S");
        body.put("contractStart", TODAY.minusYears(2).toString());
        body.put("contractEnd", contractEnd.toString());
        body.put("noticeMonths", noticeMonths);
        body.put("owner", "anna");
        return body;
    }

    private ApiClient.RawResponse put(String user, String id, Map<String, Object> body) throws IOException {
        return api.raw(user, "PUT", "/api/register/" + id, "application/json", json.writeValueAsBytes(body));
    }

    private Job renewalTimer(String systemId) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(RenewalProcess.PROCESS_KEY).processInstanceBusinessKey(systemId).singleResult().getId();
        return engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId("Timer_RenewalDue").timers().singleResult();
    }

    private long runningRenewals(String systemId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(systemId).count();
    }

    private List<String> mailedUsers(String systemId) {
        return jdbc.sql("select recipient_user from mail_outbox where request_id = ? and kind = 'RENEWAL' order by recipient_user")
                .param(UUID.fromString(systemId)).query(String.class).list();
    }

    private long decided(String systemId) {
        return jdbc.sql("select count(*) from system_renewal where system_id = ?").param(UUID.fromString(systemId))
                .query(Long.class).single();
    }

    @Test
    void theRenewalDateTellsOwnerAndCoordinatorsAndGivesTheCoordinatorsATask() throws IOException {
        LocalDate end = TODAY.plusYears(2);
        String id = api.post(COORDINATOR, "/api/register", system("Fornyelsessystem", end, 3)).body().get("id").asText();
        Job timer = renewalTimer(id);
        assertThat(timer).as("a renewal waits for its date").isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate())
                .isEqualTo(end.minusMonths(3).minusMonths(6));
        assertThat(outbox.typesOf(id)).isEmpty();

        new Timers(engine).fire(id, "Timer_RenewalDue");

        assertThat(outbox.typesOf(id)).containsExactly("renewal.due");
        String payload = outbox.payloadOf(id, "renewal.due");
        assertThat(new EventSchemas().problems("dk.indkoebsscreening.renewal.due.v1", payload)).isEmpty();
        JsonNode event = json.readTree(payload);
        assertThat(event.get("systemId").asText()).isEqualTo(id);
        assertThat(event.get("contractEnd").asText()).isEqualTo(end.toString());
        assertThat(event.get("noticeDeadline").asText()).isEqualTo(end.minusMonths(3).toString());
        assertThat(event.get("owner").asText()).isEqualTo("anna");
        assertThat(jdbc.sql("select subject from outbox_event where request_id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo(id);
        assertThat(mailedUsers(id)).contains("anna", COORDINATOR);

        JsonNode task = api.tasks(COORDINATOR).stream().filter(candidate -> id.equals(candidate.path("subjectId").asText()))
                .findFirst().orElseThrow();
        assertThat(task.get("type").asText()).isEqualTo("RENEWAL");
        assertThat(task.get("label").asText()).isEqualTo("Fornyelsessystem");
        assertThat(task.get("link").asText()).isEqualTo("/systemer/" + id);
        String taskId = task.get("id").asText();

        assertThat(api.tasks("anna")).as("the owner's too").anyMatch(candidate -> taskId.equals(candidate.get("id").asText()));
        for (String other : List.of("bent", "sikkerhed", "kontrakt")) {
            assertThat(api.tasks(other)).as(other).noneMatch(candidate -> taskId.equals(candidate.get("id").asText()));
            assertThat(api.complete(other, taskId, Map.of("choice", "LET_END")).status()).as(other).isEqualTo(403);
        }
        ApiClient.Response noNote = api.complete(COORDINATOR, taskId, Map.of("choice", "RENEW"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body().toString()).contains("note");
        assertThat(api.complete(COORDINATOR, taskId, Map.of("choice", "SOMETHING")).status()).isEqualTo(400);
        assertThat(decided(id)).as("nothing changed").isZero();
        assertThat(runningRenewals(id)).isEqualTo(1);

        WebSession coordinator = new WebSession(port);
        coordinator.login(COORDINATOR);
        String page = coordinator.get("/opgaver/" + taskId).body();
        assertThat(page).contains("href=\"/systemer/" + id + "\"").contains("Forny kontrakten som den er");

        assertThat(api.complete("anna", taskId, Map.of("choice", "RENEW", "note", "Prisen er uændret, og intet andet er ændret."))
                .status()).as("the owner decides too").isEqualTo(204);
        assertThat(decided(id)).isEqualTo(1);
        assertThat(runningRenewals(id)).isZero();
        assertThat(coordinator.get("/opgaver/" + taskId).body()).contains("href=\"/systemer/" + id + "\"");

        // The renewed contract's new end date starts the next renewal.
        assertThat(put(COORDINATOR, id, system("Fornyelsessystem", end.plusYears(3), 3)).status()).isEqualTo(200);
        assertThat(runningRenewals(id)).isEqualTo(1);
    }

    @Test
    void anOpenRenewalTaskFollowsTheSystemsOwnerWhoNoLongerOwnsItMayNotDecideIt() throws IOException {
        Map<String, Object> body = system("Ejerskiftesystem", TODAY.plusYears(2), 3);
        String id = api.post(COORDINATOR, "/api/register", body).body().get("id").asText();
        new Timers(engine).fire(id, "Timer_RenewalDue");
        String taskId = api.tasks(COORDINATOR).stream().filter(candidate -> id.equals(candidate.path("subjectId").asText()))
                .findFirst().orElseThrow().get("id").asText();
        assertThat(api.tasks("anna")).anyMatch(candidate -> taskId.equals(candidate.get("id").asText()));

        body.put("owner", "bent");
        assertThat(put(COORDINATOR, id, body).status()).isEqualTo(200);

        assertThat(api.tasks("anna")).as("no longer the owner's").noneMatch(candidate -> taskId.equals(candidate.get("id").asText()));
        assertThat(api.complete("anna", taskId, Map.of("choice", "LET_END")).status()).isEqualTo(403);
        assertThat(decided(id)).as("nothing changed").isZero();
        assertThat(runningRenewals(id)).isEqualTo(1);
        assertThat(api.tasks("bent")).as("the new owner's").anyMatch(candidate -> taskId.equals(candidate.get("id").asText()));
        assertThat(api.complete("bent", taskId, Map.of("choice", "LET_END")).status()).isEqualTo(204);
        assertThat(decided(id)).isEqualTo(1);
    }

    @Test
    void aContractThatHasAlreadyEndedGetsNoRenewal() {
        Map<String, Object> ended = system("Udløbet system", TODAY.minusMonths(1), 3);
        String id = api.post(COORDINATOR, "/api/register", ended).body().get("id").asText();
        assertThat(runningRenewals(id)).isZero();
        assertThat(outbox.typesOf(id)).isEmpty();
        assertThat(mailedUsers(id)).isEmpty();
        assertThat(api.get(COORDINATOR, "/api/register/renewals").body().findValuesAsText("systemId")).doesNotContain(id);
    }

    @Test
    void aChangedEndDateReTimesTheRenewalAndARetirementEndsIt() throws IOException {
        LocalDate end = TODAY.plusYears(3);
        String id = api.post(COORDINATOR, "/api/register", system("Omtidssystem", end, 6)).body().get("id").asText();
        String first = renewalTimer(id).getProcessInstanceId();

        assertThat(put(COORDINATOR, id, system("Omtidssystem", end.plusYears(1), 6)).status()).isEqualTo(200);
        Job retimed = renewalTimer(id);
        assertThat(retimed.getProcessInstanceId()).isNotEqualTo(first);
        assertThat(retimed.getDuedate().toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate())
                .isEqualTo(end.plusYears(1).minusMonths(12));
        assertThat(runningRenewals(id)).isEqualTo(1);

        assertThat(put(COORDINATOR, id, system("Omtidssystem omdøbt", end.plusYears(1), 6)).status()).isEqualTo(200);
        assertThat(renewalTimer(id).getProcessInstanceId()).as("other changes leave the renewal as it is")
                .isEqualTo(retimed.getProcessInstanceId());

        assertThat(api.post(COORDINATOR, "/api/register/" + id + "/retire", null).status()).isEqualTo(200);
        assertThat(runningRenewals(id)).isZero();
        assertThat(api.post(COORDINATOR, "/api/register/" + id + "/reactivate", null).status()).isEqualTo(200);
        assertThat(runningRenewals(id)).as("in use again, its contract is watched again").isEqualTo(1);
    }
}
