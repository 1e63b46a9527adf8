package dk.indkoebsscreening.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient.Response;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conditions of an approval through the API: each action by the one whose it is, and refused, with nothing changed,
 * for another requester (404), other roles (403), the wrong state (409) and input that cannot be used (400).
 * The security area set condition 1, the contract area condition 2; the coordinator approved with both.
 */
class ConditionApiTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String requestId;
    private String security;
    private String contract;

    @BeforeEach
    void approvedWithTwoConditions() {
        requestId = lifecycle.runToApprovalWithConditions("anna", "Hjemmeplejeplanlægning",
                Map.of(Area.SECURITY, List.of("DPIA godkendt af DPO før idriftsættelse"), Area.CONTRACT, List.of("Databehandleraftale underskrevet")));
        JsonNode conditions = api.details("anna", requestId).get("conditions");
        assertThat(conditions).hasSize(2);
        security = conditions.get(0).get("id").asText();
        contract = conditions.get(1).get("id").asText();
        assertThat(conditions.get(0).get("setBy").asText()).isEqualTo("SECURITY");
        assertThat(conditions.get(1).get("setBy").asText()).isEqualTo("CONTRACT");
    }

    private String path(String conditionId, String action) {
        return "/api/requests/" + requestId + "/conditions/" + conditionId + "/" + action;
    }

    private JsonNode condition(String conditionId) {
        Response response = api.get("anna", "/api/requests/" + requestId + "/conditions/" + conditionId);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private String status(String conditionId) {
        return condition(conditionId).get("status").asText();
    }

    /** What a refused call must leave as it was: every condition's status and owner, the changes, the events. */
    private record State(List<String> conditions, long changes, long events) {
    }

    private State state() {
        return new State(jdbc.sql("select status || owner from condition_item where request_id = ? order by number")
                .param(UUID.fromString(requestId)).query(String.class).list(),
                jdbc.sql("select count(*) from condition_change").query(Long.class).single(), outbox.count());
    }

    private void refused(String user, String path, Object body, int status) {
        State before = state();
        Response response = api.post(user, path, body);
        assertThat(response.status()).as(user + " " + path).isEqualTo(status);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void theOwnerReportsTheAreaVerifiesAndTheRequestReadsConditionsMetWhenAllAreSettled() throws Exception {
        assertThat(api.post("anna", path(security, "report"), Map.of("text", "DPIA godkendt af DPO 3. marts")).status()).isEqualTo(204);
        assertThat(status(security)).isEqualTo("REPORTED");
        assertThat(condition(security).get("evidence")).singleElement()
                .satisfies(evidence -> assertThat(evidence.get("text").asText()).isEqualTo("DPIA godkendt af DPO 3. marts"));
        assertThat(api.tasks("sikkerhed")).anySatisfy(task -> assertThat(task.get("type").asText()).isEqualTo("VERIFY_CONDITION"));

        assertThat(api.post("sikkerhed", path(security, "verify"), null).status()).isEqualTo(204);
        assertThat(status(security)).isEqualTo("VERIFIED");
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("APPROVED_WITH_CONDITIONS");

        assertThat(api.post("anna", path(contract, "report"), Map.of("text", "Underskrevet")).status()).isEqualTo(204);
        assertThat(api.post("kontrakt", path(contract, "send-back"), Map.of("reason", "Leverandørens underskrift mangler")).status())
                .isEqualTo(204);
        JsonNode sentBack = condition(contract);
        assertThat(sentBack.get("status").asText()).isEqualTo("SENT_BACK");
        assertThat(sentBack.get("lastReason").asText()).isEqualTo("Leverandørens underskrift mangler");
        assertThat(api.post("anna", path(contract, "report"), Map.of("text", "Nu underskrevet af begge")).status()).isEqualTo(204);
        assertThat(api.post("kontrakt", path(contract, "verify"), null).status()).isEqualTo(204);

        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("CONDITIONS_MET");
        List<String> types = outbox.typesOf(requestId);
        assertThat(types.get(types.size() - 1)).isEqualTo("conditions.settled");
        EventSchemas schemas = new EventSchemas();
        String settled = outbox.payloadOf(requestId, "conditions.settled");
        assertThat(schemas.problems(EventType.CONDITIONS_SETTLED.type(), settled)).isEmpty();
        assertThat(JSON.readTree(settled).get("verified").asInt()).isEqualTo(2);
        assertThat(outbox.payloadsOf(requestId, "condition.changed")).hasSize(8)
                .allSatisfy(payload -> assertThat(schemas.problems(EventType.CONDITION_CHANGED.type(), payload)).isEmpty());
        assertThat(api.details("anna", requestId).get("history").toString())
                .contains("CONDITION_REPORTED", "CONDITION_SENT_BACK", "CONDITION_VERIFIED", "CONDITIONS_SETTLED");
    }

    @Test
    void aDecidedRequestIsNotWithdrawnWhileItsConditionsAreFollowedUp() {
        refused("anna", "/api/requests/" + requestId + "/withdraw", Map.of("reason", "Vi dropper det"), 409);
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("APPROVED_WITH_CONDITIONS");
    }

    @Test
    void aCoordinatorWaivesWithAReasonAndTheLastWaiverSettlesTheConditions() {
        refused("koordinator", path(security, "waive"), Map.of("reason", " "), 400);
        refused("sikkerhed", path(security, "waive"), Map.of("reason", "Ikke relevant"), 403);
        refused("anna", path(security, "waive"), Map.of("reason", "Ikke relevant"), 403);
        refused("bent", path(security, "waive"), Map.of("reason", "Ikke relevant"), 404);

        assertThat(api.post("koordinator", path(security, "waive"), Map.of("reason", "DPO har vurderet, at DPIA ikke kræves")).status())
                .isEqualTo(204);
        assertThat(status(security)).isEqualTo("WAIVED");
        refused("koordinator", path(security, "waive"), Map.of("reason", "Igen"), 409);
        refused("anna", path(security, "report"), Map.of("text", "Gjort"), 409);

        assertThat(api.post("anna", path(contract, "report"), Map.of("text", "Underskrevet")).status()).isEqualTo(204);
        assertThat(api.post("koordinator", path(contract, "waive"), Map.of("reason", "Aftalen følger af rammeaftalen")).status())
                .isEqualTo(204);
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("CONDITIONS_MET");
        assertThat(api.tasks("kontrakt")).noneSatisfy(task -> assertThat(task.get("requestId").asText()).isEqualTo(requestId));
    }

    @Test
    void reportingIsTheOwnersAndVerifyingTheSettingAreasEachInItsState() {
        Response wrongState = api.post("sikkerhed", path(security, "verify"), null);
        assertThat(wrongState.status()).isEqualTo(409);
        assertThat(wrongState.body().get("type").asText()).endsWith("illegal-transition");
        refused("bent", path(security, "report"), Map.of("text", "Gjort"), 404);
        refused("sikkerhed", path(security, "report"), Map.of("text", "Gjort"), 403);
        refused("koordinator", path(security, "report"), Map.of("text", "Gjort"), 403);
        refused("anna", path(security, "report"), Map.of("text", ""), 400);
        refused("anna", path(security, "report"), Map.of("text", "Gjort", "files", List.of(UUID.randomUUID().toString())), 400);
        refused("anna", path(security, "report"), Map.of("text", "Gjort", "unknown", 1), 400);
        assertThat(api.get("bent", "/api/requests/" + requestId + "/conditions/" + security).status()).isEqualTo(404);

        assertThat(api.post("anna", path(security, "report"), Map.of("text", "Gjort")).status()).isEqualTo(204);
        refused("anna", path(security, "report"), Map.of("text", "Igen"), 409);
        refused("kontrakt", path(security, "verify"), null, 403);
        refused("anna", path(security, "verify"), null, 403);
        refused("bent", path(security, "verify"), null, 404);
        refused("kontrakt", path(security, "send-back"), Map.of("reason", "Nej"), 403);
        refused("sikkerhed", path(security, "send-back"), Map.of("reason", ""), 400);
        refused("sikkerhed", path(contract, "verify"), null, 403);
    }

    @Test
    void theOwnerHandsAConditionToAColleagueWhoseTaskItBecomes() {
        refused("bent", path(security, "owner"), Map.of("owner", "bent"), 404);
        refused("sikkerhed", path(security, "owner"), Map.of("owner", "bent"), 403);
        refused("anna", path(security, "owner"), Map.of("owner", "nobody-known"), 400);
        refused("anna", path(security, "owner"), Map.of("owner", "anna"), 400);

        assertThat(api.post("anna", path(security, "owner"), Map.of("owner", "bent")).status()).isEqualTo(204);

        assertThat(condition(security).get("owner").asText()).isEqualTo("bent");
        assertThat(api.get("bent", "/api/requests/" + requestId + "/conditions/" + security).status())
                .as("the new owner reads the condition").isEqualTo(200);
        refused("anna", path(security, "report"), Map.of("text", "Gjort"), 403);
        assertThat(api.post("bent", path(security, "report"), Map.of("text", "Gjort af Bent")).status()).isEqualTo(204);
        assertThat(condition(security).get("evidence").get(0).get("by").asText()).isEqualTo("bent");
    }

    @Test
    void theConditionsTaskIsDoneAtTheConditionNotThroughTheInbox() {
        assertThat(api.post("sikkerhed", path(security, "send-back"), Map.of("reason", "x")).status()).isEqualTo(409);
        JsonNode verifyTask = null;
        assertThat(api.post("anna", path(security, "report"), Map.of("text", "Gjort")).status()).isEqualTo(204);
        for (JsonNode task : api.tasks("sikkerhed")) {
            if (task.get("requestId").asText().equals(requestId) && task.get("type").asText().equals("VERIFY_CONDITION")) {
                verifyTask = task;
            }
        }
        assertThat(verifyTask).isNotNull();
        State before = state();
        assertThat(api.complete("sikkerhed", verifyTask.get("id").asText(), Map.of("reason", "x")).status()).isEqualTo(409);
        assertThat(state()).isEqualTo(before);
        assertThat(status(security)).isEqualTo("REPORTED");
    }
}
