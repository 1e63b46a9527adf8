package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/**
 * No authorization row is written per task, and nothing depends on one: the experts work through the
 * application, administrators still see every task through the engine's REST API, and nobody else reaches it.
 */
class NoTaskAuthorizationsTest extends ApiTestBase {

    @Test
    void tasksLeaveNoAuthorizationRowsAndStayWhereTheyBelong() {
        String requestId = lifecycle.submitAndAccept("anna", "Ingen autorisationer pr. opgave");
        String task = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        assertThat(api.post("sikkerhed", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);

        assertThat(jdbc.sql("select count(*) from act_ru_authorization where resource_type_ = ? and resource_id_ <> ?")
                .params(Resources.TASK.resourceType(), Authorization.ANY).query(Integer.class).single())
                .as("only the administrators' grant on every task").isZero();

        JsonNode seenByAdmin = api.get("admin", "/engine-rest/task/" + task).body();
        assertThat(seenByAdmin.get("assignee").asText()).isEqualTo("sikkerhed");
        assertThat(api.get("sikkerhed", "/engine-rest/task/" + task).status()).isEqualTo(403);
        assertThat(api.get(Lifecycle.COORDINATOR, "/engine-rest/task/" + task).status()).isEqualTo(403);
        assertThat(api.post("sikkerhed", "/api/tasks/" + task + "/complete", lifecycle.approval(Area.SECURITY)).status())
                .as("the expert completes it through the application").isEqualTo(204);
    }
}
