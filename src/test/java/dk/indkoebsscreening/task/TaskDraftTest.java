package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A screening saved as a draft ("Gem kladde"): kept with the claim and shown only to its author when they open the task
 * again; another expert, the coordinator and the API never see it; dropped when the task is released or completed; no
 * event. Its sizes are bounded like the screening form's.
 */
class TaskDraftTest extends ApiTestBase {

    private static final String SECURITY = "sikkerhed";
    private static final String FINDINGS = "Halvfærdig: mangler databehandleraftalen";

    @Test
    void aDraftReturnsToItsAuthorOnlyAndIsDroppedWhenTheClaimEnds() {
        String requestId = lifecycle.submitAndAccept("anna", "Kladde til screening");
        String task = api.awaitTask(SECURITY, requestId, "SCREENING").get("id").asText();
        List<String> events = outbox.typesOf(requestId);

        WebSession expert = new WebSession(port);
        expert.login(SECURITY);
        String page = "/opgaver/" + task;
        HttpResponse<String> tooLong = expert.postForm(page, page + "/kladde", "findings=" + "x".repeat(4001));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Teksten er for lang (højst 4000 tegn).");
        assertThat(drafts(task)).isZero();

        HttpResponse<String> saved = expert.postForm(page, page + "/kladde",
                "verdict=APPROVED_WITH_CONDITIONS&findings=" + WebSession.encode(FINDINGS) + "&conditions=" + WebSession.encode("Logning slås til"));
        assertThat(saved.statusCode()).as(saved.body()).isBetween(300, 399);
        assertThat(drafts(task)).isOne();
        assertThat(outbox.typesOf(requestId)).as("a draft publishes nothing").isEqualTo(events);
        assertThat(api.awaitTask(SECURITY, requestId, "SCREENING").get("assignee").asText()).as("kept with the claim").isEqualTo(SECURITY);
        String reopened = expert.get(page).body();
        assertThat(reopened).contains(FINDINGS, "Logning slås til", "Din kladde fra");
        assertThat(reopened).containsPattern("value=\"APPROVED_WITH_CONDITIONS\"[^>]*checked");

        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        assertThat(coordinator.get(page).body()).doesNotContain(FINDINGS).doesNotContain("Logning slås til");
        assertThat(api.get(SECURITY, "/api/tasks/" + task).body().toString()).doesNotContain(FINDINGS);
        assertThat(api.get(SECURITY, "/api/requests/" + requestId).body().toString()).doesNotContain(FINDINGS);
        WebSession otherArea = new WebSession(port);
        otherArea.login("brugerstyring");
        assertThat(otherArea.postForm("/indstillinger", page + "/kladde", "findings=Indsneget").statusCode()).isIn(403, 404);
        assertThat(coordinator.postForm(page, page + "/kladde", "findings=Indsneget").statusCode()).isIn(403, 404, 409);

        expert.postForm(page, page + "/frigiv", "");
        assertThat(drafts(task)).as("released: dropped").isZero();
        expert.postForm(page, page + "/tag", "");
        assertThat(expert.get(page).body()).doesNotContain(FINDINGS);

        expert.postForm(page, page + "/kladde", "findings=" + WebSession.encode(FINDINGS));
        assertThat(drafts(task)).isOne();
        lifecycle.screen(requestId, Area.SECURITY, lifecycle.approval(Area.SECURITY));
        assertThat(drafts(task)).as("completed: dropped").isZero();

        String triage = api.awaitTask(Lifecycle.COORDINATOR, api.submit("anna", "Ingen kladde i triagen").get("id").asText(), "TRIAGE")
                .get("id").asText();
        assertThat(coordinator.postForm("/opgaver/" + triage, "/opgaver/" + triage + "/kladde", "comment=Kladde").statusCode())
                .isEqualTo(404);
        assertThat(drafts(triage)).isZero();
    }

    private long drafts(String taskId) {
        return jdbc.sql("select count(*) from task_draft where task_id = ?").param(taskId).query(Long.class).single();
    }
}
