package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.RenewalProcess;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.SupervisionProcess;
import dk.indkoebsscreening.security.EngineDoors.Door;
import dk.indkoebsscreening.security.EngineDoors.Reply;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tried as each role would through both engine APIs: completing a screening with made-up variables,
 * forging {@code decidedBy}, answering a question with the deadline moved to 2099, writing variables,
 * moving, running or re-dating a timer, starting, modifying, suspending or deleting an instance. Every
 * attempt is refused (administrators included) and nothing changes: tasks, variables, timers, our tables
 * and the outbox are as before, and the application's own steps still work afterwards.
 */
class EngineGateTest extends ApiTestBase {

    static final List<String> ROLES = List.of("anna", "sikkerhed", Lifecycle.COORDINATOR, "admin");
    static final String FAR_FUTURE = "2099-01-01T00:00:00.000+0000";

    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    EngineDoors doors;

    @BeforeEach
    void openDoors() {
        doors = new EngineDoors(port);
    }

    @Test
    void noRoleCanTakeAStepOrChangeAVariableOrATimerThroughEitherEngineApi() {
        String inScreening = lifecycle.submitAndAccept("anna", "Forsøg på genvej gennem motoren");
        String securityTask = api.awaitTask("sikkerhed", inScreening, "SCREENING").get("id").asText();
        String processInstance = processInstanceOf(inScreening);
        Job reminder = managementService.createJobQuery().processInstanceId(processInstance).timers()
                .orderByJobDuedate().asc().list().get(0);

        String awaitingAnswer = api.submit("anna", "Spørgsmål med flyttet frist").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, api.awaitTask(Lifecycle.COORDINATOR, awaitingAnswer, "TRIAGE").get("id").asText(),
                Map.of("outcome", "NEED_MORE_INFORMATION", "comment", "Hvem er dataansvarlig?"));
        String questionTask = api.awaitTask("anna", awaitingAnswer, "MORE_INFORMATION").get("id").asText();

        String awaitingDecision = lifecycle.submitAndAccept("bent", "Afgørelse uden begrundelse");
        lifecycle.approveAll(awaitingDecision);
        String decisionTask = api.awaitTask(Lifecycle.COORDINATOR, awaitingDecision, "DECISION").get("id").asText();

        Snapshot before = snapshot(processInstance, processInstanceOf(awaitingAnswer), processInstanceOf(awaitingDecision));
        String variables = "{\"variables\":{\"verdictSecurity\":{\"value\":\"APPROVED\"}}}";
        Map<String, String[]> attacks = new LinkedHashMap<>();
        attacks.put("complete screening", new String[] {"POST", "/task/" + securityTask + "/complete", variables});
        attacks.put("submit screening form", new String[] {"POST", "/task/" + securityTask + "/submit-form", variables});
        attacks.put("forge decidedBy", new String[] {"POST", "/task/" + decisionTask + "/complete",
                "{\"variables\":{\"decisionOutcome\":{\"value\":\"REJECTED\"},\"decidedBy\":{\"value\":\"anna\"}}}"});
        attacks.put("answer and move the deadline", new String[] {"POST", "/task/" + questionTask + "/complete",
                "{\"variables\":{\"deadline\":{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"},"
                        + "\"reminderAt\":{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}}}"});
        attacks.put("set deadline", new String[] {"PUT", "/process-instance/" + processInstance + "/variables/deadline",
                "{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}"});
        attacks.put("modify variables", new String[] {"POST", "/process-instance/" + processInstance + "/variables",
                "{\"modifications\":{\"reminderAt\":{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}}}"});
        attacks.put("delete variable", new String[] {"DELETE", "/process-instance/" + processInstance + "/variables/deadline", null});
        attacks.put("task variable", new String[] {"PUT", "/task/" + securityTask + "/variables/verdictSecurity", "{\"value\":\"APPROVED\"}"});
        attacks.put("task local variable", new String[] {"PUT", "/task/" + securityTask + "/localVariables/x", "{\"value\":\"y\"}"});
        attacks.put("claim", new String[] {"POST", "/task/" + securityTask + "/claim", "{\"userId\":\"sikkerhed\"}"});
        attacks.put("assign", new String[] {"POST", "/task/" + securityTask + "/assignee", "{\"userId\":\"anna\"}"});
        attacks.put("candidate group", new String[] {"POST", "/task/" + securityTask + "/identity-links",
                "{\"groupId\":\"staff\",\"type\":\"candidate\"}"});
        attacks.put("create task", new String[] {"POST", "/task/create", "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"x\"}"});
        attacks.put("move timer", new String[] {"PUT", "/job/" + reminder.getId() + "/duedate", "{\"duedate\":\"" + FAR_FUTURE + "\"}"});
        attacks.put("run timer now", new String[] {"POST", "/job/" + reminder.getId() + "/execute", null});
        attacks.put("retry with a new due date", new String[] {"PUT", "/job/" + reminder.getId() + "/retries",
                "{\"retries\":3,\"dueDate\":\"" + FAR_FUTURE + "\"}"});
        attacks.put("suspend timer", new String[] {"PUT", "/job/" + reminder.getId() + "/suspended", "{\"suspended\":true}"});
        attacks.put("stop timer with retries 0", new String[] {"PUT", "/job/" + reminder.getId() + "/retries", "{\"retries\":0}"});
        attacks.put("retry a timer that has not failed", new String[] {"PUT", "/job/" + reminder.getId() + "/retries", "{\"retries\":5}"});
        attacks.put("retries for every timer", new String[] {"POST", "/job/retries", "{\"retries\":0,\"jobQuery\":{\"timers\":true}}"});
        attacks.put("retries per process", new String[] {"POST", "/process-instance/job-retries",
                "{\"retries\":0,\"processInstances\":[\"" + processInstance + "\"]}"});
        attacks.put("start instance", new String[] {"POST", "/process-definition/key/PurchaseScreeningProcess/start",
                "{\"businessKey\":\"" + UUID.randomUUID() + "\"}"});
        attacks.put("correlate message", new String[] {"POST", "/message", "{\"messageName\":\"x\",\"businessKey\":\"" + inScreening + "\"}"});
        // The model's own withdrawal message, which only the requester's step may send (WithdrawalService).
        attacks.put("withdraw through the engine", new String[] {"POST", "/message",
                "{\"messageName\":\"" + ScreeningProcess.WITHDRAWAL_MESSAGE + "\",\"businessKey\":\"" + inScreening + "\"}"});
        attacks.put("modify instance", new String[] {"POST", "/process-instance/" + processInstance + "/modification",
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_ScreenSecurity\"}]}"});
        attacks.put("suspend instance", new String[] {"PUT", "/process-instance/" + processInstance + "/suspended", "{\"suspended\":true}"});
        attacks.put("delete instance", new String[] {"DELETE", "/process-instance/" + processInstance, null});
        attacks.put("evaluate decision", new String[] {"POST", "/decision-definition/key/Decision_ScreeningRecommendation/evaluate",
                "{\"variables\":{}}"});

        for (Door door : Door.values()) {
            for (String role : ROLES) {
                attacks.forEach((what, attack) -> {
                    Reply reply = doors.call(door, role, attack[0], attack[1], attack[2]);
                    assertThat(reply.status()).as(door + " " + role + " " + what + ": " + reply.body()).isEqualTo(403);
                });
            }
            // Reading is what the engine APIs remain for.
            assertThat(doors.call(door, "admin", "GET", "/task/count", null).status()).isEqualTo(200);
        }

        assertThat(snapshot(processInstance, processInstanceOf(awaitingAnswer), processInstanceOf(awaitingDecision)))
                .isEqualTo(before);
        assertThat(areaState(inScreening, Area.SECURITY)).isEqualTo("OPEN");
        assertThat(jdbc.sql("select status from purchase_request where id = ?").param(UUID.fromString(inScreening))
                .query(String.class).single()).as("not withdrawn").isEqualTo("IN_SCREENING");
        assertThat(jdbc.sql("select count(*) from decision where request_id = ?").param(UUID.fromString(awaitingDecision))
                .query(Long.class).single()).isZero();

        // The application's own steps are untouched by all this.
        lifecycle.screen(inScreening, Area.SECURITY, lifecycle.approval(Area.SECURITY));
        api.completeOk("anna", questionTask, Map.of("answer", "Kommunen er dataansvarlig."));
        lifecycle.decide(awaitingDecision, "APPROVED", null);
        assertThat(areaState(inScreening, Area.SECURITY)).isEqualTo("COMPLETED");
    }

    /**
     * The follow-up's, the renewal's and the supervision's tasks, timers and messages are as closed as the screening's:
     * the gate covers every deployed model, and this shows it for the ones issue 28 added.
     */
    @Test
    void theConditionRenewalAndSupervisionTasksTooAreOnlyTheApplicationsToComplete() {
        String requestId = lifecycle.runToApprovalWithConditions("anna", "Betingelse uden om siden",
                Map.of(Area.SECURITY, List.of("DPIA godkendt af DPO")));
        String conditionId = api.details("anna", requestId).get("conditions").get(0).get("id").asText();
        String fulfilTask = api.awaitTask("anna", requestId, "FULFIL_CONDITION").get("id").asText();

        Map<String, Object> system = new LinkedHashMap<>();
        system.put("name", "Motorsystem " + UUID.randomUUID().toString().substring(0, 6));
        system.put("vendor", "Genvej A/S");
        system.put("personalData", "CPR");
        system.put("contractStart", "2024-01-01");
        system.put("contractEnd", java.time.LocalDate.now().plusYears(1).toString());
        system.put("noticeMonths", 3);
        system.put("owner", "anna");
        String systemId = api.post(Lifecycle.COORDINATOR, "/api/register", system).body().get("id").asText();
        Map<String, Object> processor = new LinkedHashMap<>();
        processor.put("name", "Driftscenter A/S");
        processor.put("processing", "Drift med CPR-numre");
        processor.put("method", "ISAE_3402_TYPE_2");
        processor.put("intervalMonths", 12);
        processor.put("nextDue", java.time.LocalDate.now().plusDays(10).toString());
        api.post(Lifecycle.COORDINATOR, "/api/systems/" + systemId + "/processors", processor);
        String supervision = instanceOf(SupervisionProcess.PROCESS_KEY, systemId);
        String renewal = instanceOf(RenewalProcess.PROCESS_KEY, systemId);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(supervision).timers().singleResult().getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(renewal).timers().singleResult().getId());
        String supervisionTask = taskService.createTaskQuery().processInstanceId(supervision).singleResult().getId();
        String renewalTask = taskService.createTaskQuery().processInstanceId(renewal).singleResult().getId();
        String screening = processInstanceOf(requestId);

        Snapshot before = snapshot(screening, supervision, renewal);
        String state = newState(requestId, systemId);
        Map<String, String[]> attacks = new LinkedHashMap<>();
        attacks.put("report a condition", new String[] {"POST", "/task/" + fulfilTask + "/complete", "{\"variables\":{}}"});
        attacks.put("supervise without a result", new String[] {"POST", "/task/" + supervisionTask + "/complete",
                "{\"variables\":{\"supervisionResult\":{\"value\":\"NO_REMARKS\"},\"nextSupervisionAt\":{\"value\":\""
                        + FAR_FUTURE + "\",\"type\":\"Date\"}}}"});
        attacks.put("let the contract end", new String[] {"POST", "/task/" + renewalTask + "/complete",
                "{\"variables\":{\"renewalChoice\":{\"value\":\"LET_END\"}}}"});
        attacks.put("move the supervision", new String[] {"PUT", "/process-instance/" + supervision + "/variables/nextSupervisionAt",
                "{\"value\":\"" + FAR_FUTURE + "\",\"type\":\"Date\"}"});
        attacks.put("end the supervision", new String[] {"POST", "/message",
                "{\"messageName\":\"" + SupervisionProcess.ENDED_MESSAGE + "\",\"processInstanceId\":\"" + supervision + "\"}"});
        attacks.put("supersede the renewal", new String[] {"POST", "/message",
                "{\"messageName\":\"" + RenewalProcess.SUPERSEDED_MESSAGE + "\",\"processInstanceId\":\"" + renewal + "\"}"});
        attacks.put("waive the condition", new String[] {"POST", "/message",
                "{\"messageName\":\"" + ScreeningProcess.CONDITION_WAIVED_MESSAGE + "\",\"processInstanceId\":\"" + screening
                        + "\",\"localCorrelationKeys\":{\"conditionId\":{\"value\":\"" + conditionId + "\"}}}"});
        attacks.put("start a supervision", new String[] {"POST", "/process-definition/key/" + SupervisionProcess.PROCESS_KEY + "/start",
                "{\"businessKey\":\"" + systemId + "\"}"});
        attacks.put("start a renewal", new String[] {"POST", "/process-definition/key/" + RenewalProcess.PROCESS_KEY + "/start",
                "{\"businessKey\":\"" + systemId + "\"}"});
        attacks.put("offer the renewal to a requester", new String[] {"POST", "/task/" + renewalTask + "/identity-links",
                "{\"userId\":\"bent\",\"type\":\"candidate\"}"});

        for (Door door : Door.values()) {
            for (String role : ROLES) {
                attacks.forEach((what, attack) -> {
                    Reply reply = doors.call(door, role, attack[0], attack[1], attack[2]);
                    assertThat(reply.status()).as(door + " " + role + " " + what + ": " + reply.body()).isEqualTo(403);
                });
            }
        }
        assertThat(snapshot(screening, supervision, renewal)).isEqualTo(before);
        assertThat(newState(requestId, systemId)).as("nothing changed").isEqualTo(state);
    }

    private String instanceOf(String processKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .singleResult().getId();
    }

    /** The follow-up's, the renewal's and the supervision's own rows. */
    private String newState(String requestId, String systemId) {
        return jdbc.sql("select string_agg(status || owner, ',') from condition_item where request_id = ?")
                .param(UUID.fromString(requestId)).query(String.class).single()
                + "/" + jdbc.sql("select count(*) from condition_change").query(Long.class).single()
                + "/" + jdbc.sql("select count(*) from system_renewal where system_id = ?").param(UUID.fromString(systemId))
                .query(Long.class).single()
                + "/" + jdbc.sql("select count(*) from processor_supervision").query(Long.class).single()
                + "/" + jdbc.sql("select string_agg(next_due::text || coalesce(removed_at::text, ''), ',') from data_processor where system_id = ?")
                .param(UUID.fromString(systemId)).query(String.class).single();
    }

    @Test
    void operatorsStillRetryAFailedJobAndAnnotateItsIncidentThroughBothApis() {
        for (Door door : Door.values()) {
            String requestId = lifecycle.submitAndAccept("anna", "Fejlet påmindelse " + door);
            String processInstance = processInstanceOf(requestId);
            Job reminder = managementService.createJobQuery().processInstanceId(processInstance).timers()
                    .orderByJobDuedate().asc().list().get(0);
            managementService.setJobRetries(reminder.getId(), 0);
            Incident incident = runtimeService.createIncidentQuery().configuration(reminder.getId())
                    .processInstanceId(processInstance).singleResult();
            assertThat(incident).isNotNull();

            Reply annotated = doors.call(door, "admin", "PUT", "/incident/" + incident.getId() + "/annotation",
                    "{\"annotation\":\"Databasen var nede; prøver igen\"}");
            Reply retried = doors.call(door, "admin", "PUT", "/job/" + reminder.getId() + "/retries", "{\"retries\":3}");

            assertThat(annotated.status()).as(annotated.body()).isEqualTo(204);
            assertThat(retried.status()).as(retried.body()).isEqualTo(204);
            Job after = managementService.createJobQuery().jobId(reminder.getId()).singleResult();
            assertThat(after.getRetries()).isEqualTo(3);
            assertThat(after.getDuedate()).isEqualTo(reminder.getDuedate());
            assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
        }
    }

    @Test
    void evenTheApplicationsOwnProcessCannotCompleteATaskBesideItsTaskStep() {
        String requestId = lifecycle.submitAndAccept("anna", "Intern genvej");
        String securityTask = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();

        assertThatThrownBy(() -> taskService.complete(securityTask, Map.of("verdictSecurity", "APPROVED")))
                .hasRootCauseInstanceOf(AuthorizationException.class)
                .hasMessageContaining("refuses completing user task Task_ScreenSecurity");

        assertThat(taskService.createTaskQuery().taskId(securityTask).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(processInstanceOf(requestId), "verdictSecurity")).isNull();
    }

    /** What an attack could have changed, for three requests at once. */
    record Snapshot(List<String> openTasks, Map<String, Object> variables, List<String> jobs, long outboxEvents,
                    long processInstances, List<String> requestStates) {
    }

    private Snapshot snapshot(String... processInstances) {
        List<String> tasks = taskService.createTaskQuery().processInstanceIdIn(processInstances).orderByTaskId().asc().list()
                .stream().map(task -> task.getId() + "/" + task.getAssignee() + "/" + task.getDueDate()).toList();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String processInstance : processInstances) {
            // A byte array (the decision's conditions) is compared by its content, as everything else is.
            runtimeService.getVariables(processInstance).forEach((name, value) -> variables.put(processInstance + "." + name,
                    value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value));
        }
        // The processes' jobs: Camunda's history clean-up job belongs to none and moves itself on during its nightly window.
        List<String> jobs = managementService.createJobQuery().orderByJobId().asc().list().stream()
                .filter(job -> job.getProcessInstanceId() != null)
                .map(job -> job.getId() + "/" + job.getDuedate() + "/" + job.getRetries() + "/" + job.isSuspended()).toList();
        List<String> states = jdbc.sql("select r.status || ':' || coalesce(string_agg(a.area || '=' || a.state, ',' order by a.area), '') "
                        + "from purchase_request r left join area_screening a on a.request_id = r.id "
                        + "where r.process_instance_id in (:ids) group by r.id, r.status order by r.id")
                .param("ids", List.of(processInstances)).query(String.class).list();
        return new Snapshot(tasks, variables, jobs, outbox.count(),
                runtimeService.createProcessInstanceQuery().count(), states);
    }

    private String processInstanceOf(String requestId) {
        return jdbc.sql("select process_instance_id from purchase_request where id = ?")
                .param(UUID.fromString(requestId)).query(String.class).single();
    }

    private String areaState(String requestId, Area area) {
        return jdbc.sql("select state from area_screening where request_id = ? and area = ?")
                .params(UUID.fromString(requestId), area.name()).query(String.class).single();
    }
}
