package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A whole lifecycle under history level audit-lean: activity instances only for the user tasks and the end event
 * reached, and the rest of audit's history as before (the process instance with its end, every task, the
 * variables). What is read back still works: the request's picture says where it ended.
 */
class LeanAuditHistoryTest extends ApiTestBase {

    @Test
    void onlyUserTasksAndTheEndReachedAreKeptAsActivityInstances() {
        String requestId = lifecycle.runToApproval("anna", "Historik uden porte");
        String instance = jdbc.sql("select process_instance_id from purchase_request where id = ?")
                .param(UUID.fromString(requestId)).query(String.class).single();

        List<String> activityTypes = jdbc.sql("select distinct act_type_ from act_hi_actinst where proc_inst_id_ = ? order by 1")
                .param(instance).query(String.class).list();
        assertThat(activityTypes).contains("userTask", "noneEndEvent")
                .allMatch(type -> type.equals("userTask") || type.endsWith("EndEvent"));
        assertThat(count("act_hi_actinst where proc_inst_id_ = ? and end_time_ is null", instance)).as("all finished").isZero();
        assertThat(count("act_hi_taskinst where proc_inst_id_ = ?", instance)).as("triage, six screenings, decision").isEqualTo(8);
        assertThat(count("act_hi_procinst where proc_inst_id_ = ? and end_time_ is not null", instance)).isEqualTo(1);
        assertThat(count("act_hi_varinst where proc_inst_id_ = ?", instance)).isPositive();

        assertThat(api.raw("anna", "GET", "/anmodninger/" + requestId + "/proces", null, null).body())
                .contains("Processen er afsluttet: Afgørelse truffet.");
    }

    private int count(String tableAndCondition, String instance) {
        return jdbc.sql("select count(*) from " + tableAndCondition).param(instance).query(Integer.class).single();
    }
}
