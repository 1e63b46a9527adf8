package dk.indkoebsscreening.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A condition's timers in the running application, fired for this request only (as the job executor would when they
 * fall due): the reminder mails its owner, the overdue one marks it overdue and mails the coordinators; the owner may
 * still report it. Every mail of a condition's life goes to whom it concerns.
 */
class ConditionTimersTest extends ApiTestBase {

    @Autowired
    ProcessEngine engine;

    private String requestId;
    private String conditionId;

    @BeforeEach
    void approvedWithTheSecurityAreasCondition() {
        requestId = lifecycle.runToApprovalWithConditions("anna", "Hjemmeplejeplanlægning",
                Map.of(Area.SECURITY, List.of("Databehandleraftale underskrevet før idriftsættelse")));
        conditionId = api.details("anna", requestId).get("conditions").get(0).get("id").asText();
    }

    private void fire(String timerEvent) {
        String processInstance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .singleResult().getId();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(processInstance).activityId(timerEvent)
                .timers().list().stream()
                .filter(job -> conditionId.equals(engine.getRuntimeService().getVariable(job.getExecutionId(), ScreeningProcess.CONDITION_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + timerEvent + " for " + conditionId));
        engine.getManagementService().executeJob(timer.getId());
    }

    /** Mails of the request as kind:recipient user, in the order written. */
    private List<String> mails() {
        return jdbc.sql("select kind || ':' || coalesce(recipient_user, recipient) from mail_outbox where request_id = ? order by created_at, id")
                .param(UUID.fromString(requestId)).query(String.class).list();
    }

    private JsonNode condition() {
        return api.get("anna", "/api/requests/" + requestId + "/conditions/" + conditionId).body();
    }

    @Test
    void theReminderMailsTheOwnerAndTheOverdueTimerMarksItOverdueAndMailsTheCoordinators() {
        // The owner turned their mails off: a condition's reminder comes all the same, like the screening's.
        List<Boolean> choice = jdbc.sql("select mails_on from mail_preference where user_id = 'anna'").query(Boolean.class).list();
        jdbc.sql("insert into mail_preference (user_id, mails_on, changed_at) values ('anna', false, now()) "
                + "on conflict (user_id, tenant_id) do update set mails_on = false").update();
        try {
            fire("BoundaryEvent_ConditionReminder");
        } finally {
            if (choice.isEmpty()) {
                jdbc.sql("delete from mail_preference where user_id = 'anna'").update();
            } else {
                jdbc.sql("update mail_preference set mails_on = ? where user_id = 'anna'").param(choice.get(0)).update();
            }
        }

        assertThat(mails()).contains("CONDITION_REMINDER:anna");
        assertThat(condition().get("status").asText()).as("a reminder changes nothing").isEqualTo("OPEN");
        assertThat(api.details("anna", requestId).get("history").toString()).contains("CONDITION_REMINDED");

        fire("BoundaryEvent_ConditionOverdue");

        assertThat(condition().get("status").asText()).isEqualTo("OVERDUE");
        assertThat(mails()).contains("CONDITION_OVERDUE:koordinator");
        List<String> changed = outbox.payloadsOf(requestId, "condition.changed");
        assertThat(changed.get(changed.size() - 1)).contains("\"change\": \"OVERDUE\"");
        assertThat(new EventSchemas().problems(EventType.CONDITION_CHANGED.type(), changed.get(changed.size() - 1))).isEmpty();

        assertThat(api.post("anna", "/api/requests/" + requestId + "/conditions/" + conditionId + "/report",
                Map.of("text", "Underskrevet, lidt for sent")).status()).as("still reported when overdue").isEqualTo(204);
        assertThat(mails()).contains("CONDITION_REPORTED:sikkerhed");

        assertThat(api.post("sikkerhed", "/api/requests/" + requestId + "/conditions/" + conditionId + "/send-back",
                Map.of("reason", "Bilaget mangler")).status()).isEqualTo(204);
        fire("BoundaryEvent_ConditionReminder");
        assertThat(mails()).as("one reminder per condition; the send-back told the owner")
                .filteredOn(mail -> mail.startsWith("CONDITION_REMINDER")).hasSize(1);
        List<String> overdueMails = mails().stream().filter(mail -> mail.startsWith("CONDITION_OVERDUE")).toList();
        fire("BoundaryEvent_ConditionOverdue");
        assertThat(condition().get("status").asText()).as("sent back past its date: overdue again").isEqualTo("OVERDUE");
        assertThat(mails()).as("the coordinators are told once per condition")
                .filteredOn(mail -> mail.startsWith("CONDITION_OVERDUE")).containsExactlyElementsOf(overdueMails);
    }

    @Test
    void whoeverAConditionConcernsIsMailedAtEachStep() {
        String condition = "/api/requests/" + requestId + "/conditions/" + conditionId;
        assertThat(api.post("anna", condition + "/owner", Map.of("owner", "bent")).status()).isEqualTo(204);
        assertThat(mails()).contains("CONDITION_HANDED_OVER:bent");
        assertThat(api.post("bent", condition + "/report", Map.of("text", "Underskrevet")).status()).isEqualTo(204);
        assertThat(api.post("sikkerhed", condition + "/send-back", Map.of("reason", "Mangler side 2")).status()).isEqualTo(204);
        assertThat(mails()).contains("CONDITION_REPORTED:sikkerhed", "CONDITION_SENT_BACK:bent");
        assertThat(api.post("bent", condition + "/report", Map.of("text", "Nu med side 2")).status()).isEqualTo(204);
        assertThat(api.post("sikkerhed", condition + "/verify", null).status()).isEqualTo(204);

        assertThat(mails()).contains("CONDITIONS_SETTLED:anna");
        assertThat(api.details("anna", requestId).get("status").asText()).isEqualTo("CONDITIONS_MET");
    }
}
