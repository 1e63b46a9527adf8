package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.screening.ChecklistQuestion;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may see, claim and complete which task. */
class TaskApiTest extends ApiTestBase {

    @Test
    void eachExpertSeesOnlyTheTasksOfTheirOwnArea() {
        String requestId = lifecycle.submitAndAccept("anna", "Indbakker");

        for (Area area : Area.values()) {
            JsonNode task = api.awaitTask(Lifecycle.expertFor(area), requestId, "SCREENING");
            assertThat(task.get("area").asText()).isEqualTo(area.name());
            assertThat(task.get("reference").asText()).startsWith("IND-");
            assertThat(task.get("due").asText()).isEqualTo(api.details("anna", requestId).get("deadline").asText());
            long visible = api.tasks(Lifecycle.expertFor(area)).stream()
                    .filter(candidate -> candidate.get("requestId").asText().equals(requestId))
                    .count();
            assertThat(visible).isEqualTo(1);
        }
        assertThat(api.tasks("anna")).noneMatch(task -> task.get("requestId").asText().equals(requestId));
    }

    /**
     * An integrator completes a screening from what {@code GET /api/tasks/{id}} says alone: the body's schema and the
     * area's checklist, each question with where its answer goes, its answer type and options, and whether it is required.
     */
    @Test
    void aScreeningTaskListsTheQuestionsItsCompletionAnswers() {
        String requestId = lifecycle.submitAndAccept("anna", "Spørgsmål i opgaven");
        String taskId = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();

        JsonNode task = api.get("sikkerhed", "/api/tasks/" + taskId).body();
        assertThat(task.get("id").asText()).isEqualTo(taskId);
        assertThat(task.get("area").asText()).isEqualTo("SECURITY");
        assertThat(task.get("form").asText()).isEqualTo("ScreeningForm");
        List<ChecklistQuestion> checklist = checklists.forArea(Area.SECURITY);
        assertThat(task.get("questions")).hasSize(checklist.size());
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < checklist.size(); i++) {
            ChecklistQuestion expected = checklist.get(i);
            JsonNode question = task.get("questions").get(i);
            assertThat(question.get("id").asText()).isEqualTo(expected.id());
            assertThat(question.get("field").asText()).isEqualTo("checklist." + expected.id());
            assertThat(question.get("text").asText()).isEqualTo(expected.text());
            assertThat(question.get("required").asBoolean()).isEqualTo(expected.required());
            assertThat(question.get("answerType").asText()).isEqualTo(expected.isFreeText() ? "FREE_TEXT" : "ONE_OF");
            List<String> options = new ArrayList<>();
            question.get("options").forEach(option -> options.add(option.asText()));
            assertThat(options).isEqualTo(expected.options());
            if (question.get("required").asBoolean()) {
                answers.put(question.get("id").asText(), options.isEmpty() ? "Beskrevet i kontrakten" : options.get(0));
            }
        }
        // A step without a checklist names its form and asks nothing more.
        String triageId = api.awaitTask(Lifecycle.COORDINATOR, api.submit("anna", "Uden tjekliste").get("id").asText(), "TRIAGE").get("id").asText();
        JsonNode triage = api.get(Lifecycle.COORDINATOR, "/api/tasks/" + triageId).body();
        assertThat(triage.get("form").asText()).isEqualTo("TriageForm");
        assertThat(triage.get("questions")).isEmpty();

        api.completeOk("sikkerhed", taskId, ApiClient.screening("APPROVED", List.of(), answers));
    }

    @Test
    void aTaskOfAnotherGroupIsForbiddenToSeeClaimAndComplete() {
        String requestId = lifecycle.submitAndAccept("anna", "Forkert gruppe");
        String securityTask = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();

        assertThat(api.get("kontrakt", "/api/tasks/" + securityTask).status()).isEqualTo(403);
        assertThat(api.post("kontrakt", "/api/tasks/" + securityTask + "/claim", null).status()).isEqualTo(403);
        assertThat(api.complete("kontrakt", securityTask, lifecycle.approval(Area.SECURITY)).status()).isEqualTo(403);
        assertThat(api.complete("anna", securityTask, lifecycle.approval(Area.SECURITY)).status()).isEqualTo(403);
        assertThat(api.complete(null, securityTask, lifecycle.approval(Area.SECURITY)).status()).isEqualTo(401);
    }

    @Test
    void requestersCannotTriageTheirOwnRequest() {
        String requestId = api.submit("anna", "Selvbetjening").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        assertThat(api.complete("anna", triage, Map.of("outcome", "ACCEPT")).status()).isEqualTo(403);
    }

    @Test
    void aClaimedTaskBelongsToItsAssigneeUntilUnclaimed() {
        String requestId = api.submit("bent", "Tildelt opgave").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + triage + "/claim", null).status()).isEqualTo(204);
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/tasks/" + triage).body().get("assignee").asText())
                .isEqualTo(Lifecycle.COORDINATOR);
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + triage + "/unclaim", null).status()).isEqualTo(204);
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/tasks/" + triage).body().get("assignee").isNull()).isTrue();
    }

    @Test
    void anInvalidBodyIsA400AndACompletedTaskIsGone() {
        String requestId = api.submit("anna", "Dobbelt afslutning").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        assertThat(api.complete(Lifecycle.COORDINATOR, triage, Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
        assertThat(api.complete(Lifecycle.COORDINATOR, triage, Map.of()).status()).isEqualTo(400);
        assertThat(api.complete(Lifecycle.COORDINATOR, triage, null).status()).isEqualTo(400);

        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT"));

        assertThat(api.complete(Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT")).status()).isEqualTo(404);
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/tasks/no-such-task").status()).isEqualTo(404);
    }
}
