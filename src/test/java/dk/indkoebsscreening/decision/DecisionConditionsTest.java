package dk.indkoebsscreening.decision;

import static dk.indkoebsscreening.testsupport.Lifecycle.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient.Response;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decision's list of conditions through the API, the same record as the decision page's form: area conditions kept,
 * reworded, merged or dropped with a reason, the coordinator's own, each with owner and due; refused as a whole when
 * any of it is wrong, and cleared when the outcome carries no conditions.
 */
class DecisionConditionsTest extends ApiTestBase {

    private static final String DPA = "Databehandleraftale underskrives før brug";
    private static final String LOGGING = "Logning af opslag i CPR";
    private static final String EXIT = "Exit-plan i kontrakten";

    @Test
    void theCoordinatorRewordsMergesDropsAndAddsAndTheDecisionKeepsWhatWasDecided() {
        String requestId = screenedWithConditions("Betingelser ved afgørelsen");
        String due = LocalDate.now().plusMonths(1).toString();
        String task = api.awaitTask(COORDINATOR, requestId, "DECISION").get("id").asText();
        JsonNode toComplete = api.get(COORDINATOR, "/api/tasks/" + task).body();
        assertThat(toComplete.get("form").asText()).isEqualTo("DecisionForm");
        assertThat(toComplete.get("questions")).as("each area condition, by the ref a row names it by")
                .extracting(question -> question.get("id").asText() + " " + question.get("field").asText() + " " + question.get("text").asText())
                .containsExactly("SECURITY-1 areaConditions[0].handling Sikkerhed og GDPR: " + DPA,
                        "SECURITY-2 areaConditions[1].handling Sikkerhed og GDPR: " + LOGGING,
                        "CONTRACT-1 areaConditions[2].handling Kontrakt: " + EXIT);
        assertThat(toComplete.get("questions").get(0).get("options")).extracting(JsonNode::asText).containsExactly("KEEP", "MERGE", "DROP");

        lifecycle.decideWith(requestId, decision("APPROVED_WITH_CONDITIONS",
                List.of(row("SECURITY-1", "KEEP", "Databehandleraftalen er underskrevet af begge parter", null, "Tydeligere for ansøgeren", "bent", null),
                        row("SECURITY-2", "MERGE", null, "SECURITY-1", "Aftalen regulerer logningen", null, null),
                        row("CONTRACT-1", "DROP", null, null, "SKI 02.19 har exit-vilkår", null, null)),
                List.of(Map.of("text", "Indhent tilbud via SKI 02.19", "due", due))));

        JsonNode decision = api.details("anna", requestId).get("decision");
        assertThat(decision.get("conditions")).extracting(JsonNode::asText)
                .containsExactly("Databehandleraftalen er underskrevet af begge parter", "Indhent tilbud via SKI 02.19");
        JsonNode first = decision.get("decidedConditions").get(0);
        assertThat(first.get("setBy").asText()).isEqualTo("SECURITY");
        assertThat(first.get("owner").asText()).isEqualTo("bent");
        assertThat(first.get("beforeGoLive").asBoolean()).isTrue();
        assertThat(first.get("due").isNull()).isTrue();
        assertThat(first.get("changeNote").asText()).isEqualTo("Tydeligere for ansøgeren; Aftalen regulerer logningen");
        JsonNode own = decision.get("decidedConditions").get(1);
        assertThat(own.get("setBy").isNull()).as("the coordinator's").isTrue();
        assertThat(own.get("owner").asText()).as("the requester by default").isEqualTo("anna");
        assertThat(own.get("due").asText()).isEqualTo(due);
        assertThat(own.get("beforeGoLive").asBoolean()).isFalse();
        assertThat(decision.get("areaConditions")).extracting(fate -> fate.get("fate").asText() + " " + fate.get("text").asText())
                .containsExactly("REWORDED " + DPA, "MERGED " + LOGGING, "DROPPED " + EXIT);
        assertThat(decision.get("areaConditions").get(2).get("note").asText()).isEqualTo("SKI 02.19 har exit-vilkår");
        assertThat(outbox.payloadOf(requestId, "decision.made"))
                .contains("Databehandleraftalen er underskrevet af begge parter", "Indhent tilbud via SKI 02.19");
    }

    @Test
    void withoutTheListEveryAreaConditionIsKeptAsSetAndOwnedByTheRequester() {
        String requestId = screenedWithConditions("Betingelser som sat");

        lifecycle.decide(requestId, "APPROVED_WITH_CONDITIONS", null);

        JsonNode decision = api.details("anna", requestId).get("decision");
        assertThat(decision.get("conditions")).extracting(JsonNode::asText).containsExactly(DPA, LOGGING, EXIT);
        assertThat(decision.get("decidedConditions")).allSatisfy(condition -> {
            assertThat(condition.get("owner").asText()).isEqualTo("anna");
            assertThat(condition.get("beforeGoLive").asBoolean()).isTrue();
            assertThat(condition.get("changeNote").isNull()).isTrue();
        });
        assertThat(decision.get("areaConditions")).extracting(fate -> fate.get("fate").asText()).containsOnly("KEPT");
    }

    /** V17 gives a decision made before the list the conditions such a decision meant: each area's, as set. */
    @Test
    void theMigrationGivesAnEarlierDecisionItsAreasConditionsAsSet() throws Exception {
        String requestId = screenedWithConditions("Afgjort før listen");
        lifecycle.decide(requestId, "APPROVED_WITH_CONDITIONS", null);
        String decided = jdbc.sql("select decided_conditions::text from decision where request_id = ?::uuid").param(requestId)
                .query(String.class).single();
        String migration = new String(getClass().getResourceAsStream("/db/migration/V17__decided_conditions.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String update = migration.substring(migration.indexOf("update decision d"), migration.lastIndexOf(';'));

        jdbc.sql("update decision set decided_conditions = '[]' where request_id = ?::uuid").param(requestId).update();
        jdbc.sql(update + " and d.request_id = ?::uuid").param(requestId).update();

        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(jdbc.sql(
                "select decided_conditions::text from decision where request_id = ?::uuid").param(requestId).query(String.class).single()))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(decided));
    }

    @Test
    void anApprovalWithoutConditionsOrARejectionBindsNoneOfThem() {
        String requestId = screenedWithConditions("Godkendt uden betingelser");

        lifecycle.decideWith(requestId, decision("APPROVED", null, List.of(Map.of("text", "Indhent tilbud via SKI 02.19")))
                .with("reason", "Betingelserne er allerede opfyldt"));

        JsonNode decision = api.details("anna", requestId).get("decision");
        assertThat(decision.get("conditions")).isEmpty();
        assertThat(decision.get("decidedConditions")).isEmpty();
        assertThat(decision.get("areaConditions")).isEmpty();
    }

    @Test
    void aWrongListIsRefusedFieldByFieldAndNothingIsDecided() {
        String requestId = screenedWithConditions("Forkerte betingelser");
        String task = api.awaitTask(COORDINATOR, requestId, "DECISION").get("id").asText();
        List<String> eventsBefore = outbox.typesOf(requestId);

        Response response = api.complete(COORDINATOR, task, decision("APPROVED_WITH_CONDITIONS",
                List.of(row("SECURITY-1", "KEEP", "Omformuleret uden begrundelse", null, null, "ingen-saadan", LocalDate.now().minusDays(1).toString()),
                        row("SECURITY-2", "MERGE", null, "CONTRACT-1", "Samme sag", null, null),
                        row("CONTRACT-1", "DROP", null, null, null, null, null),
                        row("SUPPORT-1", "KEEP", null, null, null, null, null)),
                List.of()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).contains("areaConditions[0].note", "areaConditions[0].owner", "areaConditions[0].due",
                "areaConditions[1].mergeInto", "areaConditions[2].note", "areaConditions[3].ref");
        assertThat(outbox.typesOf(requestId)).isEqualTo(eventsBefore);
        assertThat(api.details("anna", requestId).get("decision").isNull()).isTrue();
        assertThat(api.awaitTask(COORDINATOR, requestId, "DECISION").get("id").asText()).isEqualTo(task);

        Response allDropped = api.complete(COORDINATOR, task, decision("APPROVED_WITH_CONDITIONS",
                List.of(row("SECURITY-1", "DROP", null, null, "Opfyldt", null, null)), List.of()));
        assertThat(fields(allDropped)).containsExactlyInAnyOrder("areaConditions", "ownConditions");

        Response byAnExpert = api.complete("sikkerhed", task, decision("APPROVED_WITH_CONDITIONS", null, List.of()));
        assertThat(byAnExpert.status()).isEqualTo(403);
        Response byTheRequester = api.complete("anna", task, decision("APPROVED_WITH_CONDITIONS", null, List.of()));
        assertThat(byTheRequester.status()).isIn(403, 404);
        assertThat(outbox.typesOf(requestId)).isEqualTo(eventsBefore);
    }

    private String screenedWithConditions(String title) {
        String requestId = lifecycle.submitAndAccept("anna", title);
        lifecycle.screenWithConditions(requestId, Map.of(Area.SECURITY, List.of(DPA, LOGGING), Area.CONTRACT, List.of(EXIT)));
        return requestId;
    }

    private static Body decision(String outcome, List<Map<String, Object>> areaConditions, List<Map<String, Object>> ownConditions) {
        Body body = new Body();
        body.put("outcome", outcome);
        if (areaConditions != null) {
            body.put("areaConditions", areaConditions);
        }
        body.put("ownConditions", ownConditions);
        return body;
    }

    private static Map<String, Object> row(String ref, String handling, String text, String mergeInto, String note, String owner, String due) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ref", ref);
        row.put("handling", handling);
        row.put("text", text);
        row.put("mergeInto", mergeInto);
        row.put("note", note);
        row.put("owner", owner);
        row.put("due", due);
        return row;
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static final class Body extends LinkedHashMap<String, Object> {
        Body with(String name, Object value) {
            put(name, value);
            return this;
        }
    }
}
