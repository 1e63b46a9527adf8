package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Timers;
import dk.indkoebsscreening.testsupport.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task about a registered system (business key = the system's id; here its renewal) is in the inbox of its group
 * only, named by the system and linked to its page, and taken, released and completed like a request's.
 */
class SystemTaskSubjectTest extends ApiTestBase {

    @Autowired
    ProcessEngine engine;

    @Test
    void aTaskAboutASystemIsInItsGroupsInboxOnlyAndLinksToTheSystem() {
        String systemId = api.post(Lifecycle.COORDINATOR, "/api/register", Map.of("name", "Vagtplan Nord",
                "vendor", "Skemaværk A/S", "contractEnd", LocalDate.now().plusYears(2).toString())).body().get("id").asText();
        new Timers(engine).fire(systemId, "Timer_RenewalDue");

        JsonNode task = api.tasks(Lifecycle.COORDINATOR).stream()
                .filter(candidate -> systemId.equals(candidate.path("subjectId").asText()))
                .findFirst().orElseThrow();
        assertThat(task.get("subject").asText()).isEqualTo("SYSTEM");
        assertThat(task.get("label").asText()).isEqualTo("Vagtplan Nord");
        assertThat(task.get("vendor").asText()).isEqualTo("Skemaværk A/S");
        assertThat(task.get("link").asText()).isEqualTo("/systemer/" + systemId);
        assertThat(task.get("requestId").isNull()).isTrue();
        assertThat(task.get("reference").isNull()).isTrue();
        String taskId = task.get("id").asText();
        for (String other : List.of("anna", "sikkerhed", "kontrakt")) {
            assertThat(api.tasks(other)).as(other).noneMatch(candidate -> taskId.equals(candidate.get("id").asText()));
            assertThat(api.get(other, "/api/tasks/" + taskId).status()).as(other).isEqualTo(403);
            assertThat(api.post(other, "/api/tasks/" + taskId + "/claim", null).status()).as(other).isEqualTo(403);
        }

        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        String inbox = coordinator.get("/opgaver").body();
        assertThat(inbox).contains("/opgaver/" + taskId).contains("Vagtplan Nord");
        assertThat(coordinator.get("/opgaver?q=Vagtplan").body()).contains("/opgaver/" + taskId);
        assertThat(coordinator.get("/opgaver/" + taskId).body()).contains("href=\"/systemer/" + systemId + "\"");

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/tasks/" + taskId).body().get("assignee").asText())
                .isEqualTo(Lifecycle.COORDINATOR);
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(204);
        assertThat(api.complete(Lifecycle.COORDINATOR, taskId, Map.of("choice", "LET_END")).status()).isEqualTo(204);
        assertThat(coordinator.get("/opgaver/" + taskId).body()).as("a completed task's link leads to its system")
                .contains("href=\"/systemer/" + systemId + "\"");
    }
}
