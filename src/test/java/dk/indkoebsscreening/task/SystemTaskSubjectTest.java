package dk.indkoebsscreening.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.RenewalProcess;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.WebSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task about a registered system (business key = the system's id) is in the inbox of its group only, named by the
 * system and linked to its page, and taken and released like a request's. The model here is the smallest
 * with such a task, so that the inbox is tested apart from the renewal's own model.
 */
class SystemTaskSubjectTest extends ApiTestBase {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    private Deployment deployment;

    @BeforeEach
    void deployASystemProcess() {
        deployment = repositoryService.createDeployment().name("system task subject test")
                .addModelInstance("system-task.bpmn", Bpmn.createExecutableProcess(RenewalProcess.PROCESS_KEY)
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask("Task_HandleEscalation").camundaCandidateGroups("coordinators")
                        .endEvent()
                        .done())
                .deploy();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void aTaskAboutASystemIsInItsGroupsInboxOnlyAndLinksToTheSystem() {
        String systemId = api.post(Lifecycle.COORDINATOR, "/api/register",
                Map.of("name", "Vagtplan Nord", "vendor", "Skemaværk A/S")).body().get("id").asText();
        runtimeService.startProcessInstanceByKey(RenewalProcess.PROCESS_KEY, systemId);

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
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(systemId).singleResult()
                .isEnded()).isFalse();

        WebSession coordinator = new WebSession(port);
        coordinator.login(Lifecycle.COORDINATOR);
        String inbox = coordinator.get("/opgaver").body();
        assertThat(inbox).contains("/opgaver/" + taskId).contains("Vagtplan Nord");

        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);
        assertThat(api.get(Lifecycle.COORDINATOR, "/api/tasks/" + taskId).body().get("assignee").asText())
                .isEqualTo(Lifecycle.COORDINATOR);
        assertThat(api.post(Lifecycle.COORDINATOR, "/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(204);
    }
}
