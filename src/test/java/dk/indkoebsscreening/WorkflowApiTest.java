package dk.indkoebsscreening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiClient.Response;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The whole story through the JSON API alone, each step by the user whose job it is. */
class WorkflowApiTest extends ApiTestBase {

    static final String COORDINATOR = Lifecycle.COORDINATOR;

    @Test
    void submitTriageSixExpertsAndDecisionEndWithTheDecisionAndItsEventsInOrder() {
        String requestId = lifecycle.submitAndAccept("anna", "Tidsbestilling");
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("IN_SCREENING");

        for (Area area : Area.values()) {
            Map<String, Object> body = area == Area.SECURITY
                    ? ApiClient.screening("APPROVED_WITH_CONDITIONS", List.of("Databehandleraftale underskrives før brug"),
                    lifecycle.validChecklist(area))
                    : lifecycle.approval(area);
            lifecycle.screen(requestId, area, body);
        }
        JsonNode awaiting = awaitStatus(requestId, "AWAITING_DECISION");
        assertThat(awaiting.get("recommendation").asText()).isEqualTo("APPROVED_WITH_CONDITIONS");

        lifecycle.decide(requestId, "APPROVED_WITH_CONDITIONS", null);

        JsonNode details = api.details("anna", requestId);
        assertThat(details.get("status").asText()).isEqualTo("APPROVED_WITH_CONDITIONS");
        assertThat(details.get("decision").get("outcome").asText()).isEqualTo("APPROVED_WITH_CONDITIONS");
        assertThat(details.get("decision").get("conditions").get(0).asText())
                .isEqualTo("Databehandleraftale underskrives før brug");
        for (JsonNode area : details.get("areas")) {
            assertThat(area.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(area.get("completedAt").isNull()).isFalse();
        }
        assertThat(details.get("areas").get(0).get("screenedBy").asText()).isEqualTo("sikkerhed");
        assertThat(outbox.typesOf(requestId)).containsExactly("request.submitted", "screening.started",
                "area.screened", "area.screened", "area.screened", "area.screened", "area.screened",
                "area.screened", "screening.completed", "decision.made", "condition.changed");
        assertThat(outbox.payloadOf(requestId, "screening.completed"))
                .contains("\"recommendation\": \"APPROVED_WITH_CONDITIONS\"", "\"status\": \"AWAITING_DECISION\"");
        assertThat(outbox.payloadOf(requestId, "decision.made"))
                .contains("\"outcome\": \"APPROVED_WITH_CONDITIONS\"", "\"requester\": \"anna\"")
                .doesNotContain("Borgerne skal kunne booke");
    }

    @Test
    void coordinatorAsksForMoreInformationAndTheRequesterAnswers() {
        String requestId = api.submit("bent", "Spørgsmål først").get("id").asText();
        String triage = api.awaitTask(COORDINATOR, requestId, "TRIAGE").get("id").asText();

        Response missingQuestion = api.complete(COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION"));
        assertThat(missingQuestion.status()).isEqualTo(400);

        api.completeOk(COORDINATOR, triage, Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvor mange brugere?"));
        assertThat(api.details("bent", requestId).get("status").asText()).isEqualTo("AWAITING_INFORMATION");
        JsonNode question = api.awaitTask("bent", requestId, "MORE_INFORMATION");
        assertThat(api.complete("anna", question.get("id").asText(), Map.of("answer", "Ikke min")).status())
                .isEqualTo(403);

        api.completeOk("bent", question.get("id").asText(), Map.of("answer", "Cirka 40."));

        JsonNode details = api.details("bent", requestId);
        assertThat(details.get("status").asText()).isEqualTo("IN_TRIAGE");
        assertThat(details.get("clarifications").get(0).get("question").asText()).isEqualTo("Hvor mange brugere?");
        assertThat(details.get("clarifications").get(0).get("answer").asText()).isEqualTo("Cirka 40.");
        assertThat(api.awaitTask(COORDINATOR, requestId, "TRIAGE")).isNotNull();
    }

    @Test
    void rejectionAtTriageNeedsAReasonAndIsADecision() {
        String requestId = api.submit("anna", "Findes allerede").get("id").asText();
        String triage = api.awaitTask(COORDINATOR, requestId, "TRIAGE").get("id").asText();
        assertThat(api.complete(COORDINATOR, triage, Map.of("outcome", "REJECT")).status()).isEqualTo(400);

        api.completeOk(COORDINATOR, triage, Map.of("outcome", "REJECT", "comment", "Dækket af kommunens ESDH-system"));

        JsonNode details = api.details("anna", requestId);
        assertThat(details.get("status").asText()).isEqualTo("REJECTED");
        assertThat(details.get("decision").get("reason").asText()).isEqualTo("Dækket af kommunens ESDH-system");
        assertThat(outbox.typesOf(requestId)).containsExactly("request.submitted", "decision.made");
    }

    @Test
    void overridingTheRecommendationNeedsAReasonAndAFailedAttemptLeavesNoTrace() {
        String requestId = lifecycle.submitAndAccept("anna", "Afvist område");
        for (Area area : Area.values()) {
            lifecycle.screen(requestId, area, area == Area.CONTRACT
                    ? ApiClient.screening("REJECTED", List.of(), lifecycle.validChecklist(area))
                    : lifecycle.approval(area));
        }
        assertThat(awaitStatus(requestId, "AWAITING_DECISION").get("recommendation").asText()).isEqualTo("REJECTED");
        String decisionTask = api.awaitTask(COORDINATOR, requestId, "DECISION").get("id").asText();
        List<String> eventsBefore = outbox.typesOf(requestId);

        Response withoutReason = api.complete(COORDINATOR, decisionTask, Map.of("outcome", "APPROVED"));

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(outbox.typesOf(requestId)).isEqualTo(eventsBefore);
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("AWAITING_DECISION");

        api.completeOk(COORDINATOR, decisionTask, Map.of("outcome", "APPROVED", "reason", "Udbud afklaret med jura"));
        JsonNode decision = api.details("anna", requestId).get("decision");
        assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.get("recommendation").asText()).isEqualTo("REJECTED");
        assertThat(decision.get("reason").asText()).isEqualTo("Udbud afklaret med jura");
    }

    @Test
    void invalidScreeningIsRejectedPerFieldAndChangesNothing() {
        String requestId = lifecycle.submitAndAccept("anna", "Ufuldstændig screening");
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        List<String> eventsBefore = outbox.typesOf(requestId);

        Response response = api.complete("sikkerhed", task, ApiClient.screening("APPROVED_WITH_CONDITIONS", List.of(),
                Map.of("dataProcessingAgreement", "MÅSKE", "favouriteColour", "blå")));

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains("conditions", "checklist.dataProcessingAgreement", "checklist.favouriteColour",
                "checklist.dpiaNeeded", "checklist.transferOutsideEu");
        assertThat(outbox.typesOf(requestId)).isEqualTo(eventsBefore);
        assertThat(api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText()).isEqualTo(task);
        assertThat(api.details("anna", requestId).get("areas").get(0).get("state").asText()).isEqualTo("OPEN");
    }

    @Test
    void sixExpertsCompletingAtTheSameInstantGetNoErrorAndExactlyOneDecisionTaskAppears() throws Exception {
        String requestId = lifecycle.submitAndAccept("bent", "Samtidige eksperter");
        List<String> taskIds = new ArrayList<>();
        for (Area area : Area.values()) {
            taskIds.add(api.awaitTask(Lifecycle.expertFor(area), requestId, "SCREENING").get("id").asText());
        }
        CyclicBarrier start = new CyclicBarrier(Area.values().length);
        ExecutorService pool = Executors.newFixedThreadPool(Area.values().length);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Area area : Area.values()) {
                String taskId = taskIds.get(area.ordinal());
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.complete(Lifecycle.expertFor(area), taskId, lifecycle.approval(area)).status();
                }));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }

        awaitStatus(requestId, "AWAITING_DECISION");
        long decisionTasks = api.tasks(COORDINATOR).stream()
                .filter(task -> task.get("requestId").asText().equals(requestId))
                .filter(task -> task.get("type").asText().equals("DECISION"))
                .count();
        assertThat(decisionTasks).isEqualTo(1);
        assertThat(outbox.typesOf(requestId).stream().filter("area.screened"::equals)).hasSize(6);
    }

    private JsonNode awaitStatus(String requestId, String status) {
        return Eventually.await(requestId + " " + status, () -> Optional.of(api.details(COORDINATOR, requestId))
                .filter(details -> details.get("status").asText().equals(status)));
    }
}
