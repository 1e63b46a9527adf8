package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.CamundaTenants;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.security.EngineDoors.Door;
import dk.indkoebsscreening.security.EngineDoors.Reply;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Eventually;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A second municipality, {@code sydby}, beside the installation's: what the engine holds of a screening started for one
 * municipality (instance, tasks, timers, variables, history) is that municipality's; the application's inbox in one
 * municipality's scope lists nothing of the other's; the model's code acts for its process's municipality even on the
 * job executor's threads, also in a called process; and through both of Camunda's engine APIs the installation's
 * operators see and can touch nothing of sydby's, while they still see their own. Sydby, its group and its processes are
 * removed afterwards.
 */
class EngineTenancyTest extends ApiTestBase {

    /** A municipality of this test's own (the demo has a Sydby of its own, which this test must not remove). */
    private static final String SYDBY = "x-engine-sydby";
    private static final String SYDBY_COORDINATORS = "sydby-test-koordinatorer";
    private static final String SYDBY_USER = "sydbykoordinator";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CamundaTenants tenants;
    @Autowired
    EngineTasks engineTasks;
    @Autowired
    InstallationProperties installation;

    private String installationMunicipality;
    private String deployment;

    @BeforeEach
    void createSydby() {
        installationMunicipality = installation.municipalityId();
        tenants.ensure(SYDBY, "Sydby Kommune");
        identityService.saveGroup(identityService.newGroup(SYDBY_COORDINATORS));
        identityService.saveUser(identityService.newUser(SYDBY_USER));
        identityService.createMembership(SYDBY_USER, SYDBY_COORDINATORS);
        tenants.admit(SYDBY, List.of(SYDBY_COORDINATORS));
    }

    @AfterEach
    void removeSydby() {
        runtimeService.createProcessInstanceQuery().tenantIdIn(SYDBY).rootProcessInstances().list().forEach(instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test over", true, true));
        historyService.createHistoricProcessInstanceQuery().tenantIdIn(SYDBY).list().forEach(instance ->
                historyService.deleteHistoricProcessInstance(instance.getId()));
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment, true, true);
        }
        identityService.deleteTenant(SYDBY);
        identityService.deleteUser(SYDBY_USER);
        identityService.deleteGroup(SYDBY_COORDINATORS);
    }

    @Test
    void aScreeningStartedForAMunicipalityIsItsAndOnlyItsOwnSeeIt() {
        String ours = api.submit("anna", "Motorens lejer: installationens kommune").get("id").asText();
        String ourTriage = api.awaitTask(Lifecycle.COORDINATOR, ours, "TRIAGE").get("id").asText();
        String oursInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ours).singleResult().getId();

        String theirs = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(Duration.ofDays(7));
        Map<String, Object> variables = ScreeningProcess.startVariables("sydby-anna", "SYD-0001", deadline, deadline.minus(Duration.ofDays(2)));
        variables.putAll(ScreeningProcess.handlingVariables(false, false, null));
        String theirsInstance = Tenancy.callAs(SYDBY, () ->
                runtimeService.startProcessInstanceByKey(ScreeningProcess.PROCESS_KEY, theirs, variables).getId());
        Task theirTriage = taskService.createTaskQuery().processInstanceId(theirsInstance).singleResult();

        assertThat(tenantsOfInstance(oursInstance)).as("our screening's rows").containsOnly(installationMunicipality);
        assertThat(tenantsOfInstance(theirsInstance)).as("sydby's screening's rows").containsOnly(SYDBY);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(theirTriage.getId()).singleResult().getTenantId())
                .isEqualTo(SYDBY);

        assertThat(CamundaTenants.reachedBy(identityService, "admin", List.of(Groups.ADMINS)))
                .as("the shared organisation's operators reach every municipality made through the settings")
                .contains(installationMunicipality, "sydby").doesNotContain(SYDBY);
        assertThat(CamundaTenants.reachedBy(identityService, SYDBY_USER, List.of(SYDBY_COORDINATORS))).containsExactly(SYDBY);
        assertThat(CamundaTenants.reachedBy(identityService, SYDBY_USER, List.of()))
                .as("through the Camunda group the user is in").containsExactly(SYDBY);

        // The application's inbox, as a coordinator sees it, in each municipality's scope and outside any (the installation's).
        Set<String> keys = Set.of(ScreeningProcess.PROCESS_KEY);
        assertThat(Tenancy.callAs(SYDBY, () -> taskIds(engineTasks.openTasksFor(Lifecycle.COORDINATOR, List.of("coordinators"), keys))))
                .contains(theirTriage.getId()).doesNotContain(ourTriage);
        assertThat(Tenancy.callAs(installationMunicipality, () -> taskIds(engineTasks.openTasksFor(Lifecycle.COORDINATOR, List.of("coordinators"), keys))))
                .contains(ourTriage).doesNotContain(theirTriage.getId());
        assertThat(taskIds(engineTasks.offeredTo("coordinators", keys))).contains(ourTriage).doesNotContain(theirTriage.getId());
        assertThat(Tenancy.callAs(installationMunicipality, () -> engineTasks.openTask(theirTriage.getId()))).isEmpty();
        assertThat(Tenancy.callAs(installationMunicipality, () -> engineTasks.openTasksOf(theirsInstance))).isEmpty();
        assertThat(Tenancy.callAcross(() -> taskIds(engineTasks.offeredTo("coordinators", keys))))
                .as("work across all municipalities").contains(ourTriage, theirTriage.getId());

        // Camunda's two engine APIs, as the installation's operator: everything of ours, nothing of sydby's.
        EngineDoors doors = new EngineDoors(port);
        Map<String, Object> theirVariables = runtimeService.getVariables(theirsInstance);
        for (Door door : Door.values()) {
            assertThat(ids(doors.call(door, "admin", "GET", "/process-instance?businessKey=" + ours, null))).as(door + " ours")
                    .containsExactly(oursInstance);
            assertThat(ids(doors.call(door, "admin", "GET", "/task?processInstanceId=" + oursInstance, null))).as(door + " our task")
                    .containsExactly(ourTriage);

            assertThat(ids(doors.call(door, "admin", "GET", "/process-instance?businessKey=" + theirs, null))).as(door.name()).isEmpty();
            assertThat(ids(doors.call(door, "admin", "GET", "/task?processInstanceId=" + theirsInstance, null))).as(door.name()).isEmpty();
            assertThat(ids(doors.call(door, "admin", "GET", "/history/process-instance?processInstanceId=" + theirsInstance, null)))
                    .as(door.name()).isEmpty();
            assertThat(ids(doors.call(door, "admin", "GET", "/history/task?processInstanceId=" + theirsInstance, null)))
                    .as(door.name()).isEmpty();
            assertThat(doors.call(door, "admin", "GET", "/task/" + theirTriage.getId(), null).status()).as(door.name()).isEqualTo(404);
            assertThat(doors.call(door, "admin", "GET", "/process-instance/" + theirsInstance + "/variables", null).status())
                    .as(door.name()).isEqualTo(403);
            assertThat(doors.call(door, "admin", "POST", "/task/" + theirTriage.getId() + "/claim", "{\"userId\":\"admin\"}").status())
                    .as(door + " claim sydby's task").isEqualTo(403);
        }

        Task triageAfter = taskService.createTaskQuery().taskId(theirTriage.getId()).singleResult();
        assertThat(triageAfter.getAssignee()).isNull();
        assertThat(runtimeService.getVariables(theirsInstance)).isEqualTo(theirVariables);
    }

    @Test
    void theModelsCodeActsForItsProcesssMunicipalityOnTheJobExecutorAlsoInACalledProcess() {
        String parent = "TenancyProbeParent";
        String child = "TenancyProbeChild";
        deployment = repositoryService.createDeployment().name("tenancy-probe")
                .addModelInstance(parent + ".bpmn", Bpmn.createExecutableProcess(parent).camundaHistoryTimeToLive(1)
                        .startEvent().callActivity().calledElement(child).endEvent().done())
                .addModelInstance(child + ".bpmn", Bpmn.createExecutableProcess(child).camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask().camundaAsyncBefore().camundaClass(TenancyProbe.class)
                        .intermediateCatchEvent().timerWithDuration("PT1H").endEvent().done())
                .deploy().getId();

        ProcessInstance started = Tenancy.callAs(SYDBY, () -> runtimeService.startProcessInstanceByKey(parent));
        ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(started.getId()).singleResult();

        assertThat(started.getTenantId()).isEqualTo(SYDBY);
        assertThat(called.getTenantId()).as("a called process is its parent's municipality's").isEqualTo(SYDBY);
        // The job executor runs the asynchronous service task on a thread outside any municipality's scope.
        Object actingFor = Eventually.await("the probe ran", () ->
                Optional.ofNullable(runtimeService.getVariable(called.getId(), TenancyProbe.VARIABLE)));
        assertThat(actingFor).isEqualTo(SYDBY);

        // The called process now waits on a timer, sydby's; the installation's operators cannot see or retry it.
        Job timer = managementService.createJobQuery().processInstanceId(called.getId()).timers().singleResult();
        assertThat(timer.getTenantId()).isEqualTo(SYDBY);
        managementService.setJobRetries(timer.getId(), 0);
        EngineDoors doors = new EngineDoors(port);
        for (Door door : Door.values()) {
            assertThat(ids(doors.call(door, "admin", "GET", "/job?processInstanceId=" + called.getId(), null))).as(door.name()).isEmpty();
            assertThat(doors.call(door, "admin", "GET", "/job/" + timer.getId(), null).status()).as(door.name()).isEqualTo(404);
            assertThat(doors.call(door, "admin", "PUT", "/job/" + timer.getId() + "/retries", "{\"retries\":3}").status())
                    .as(door + ": retry sydby's failed job").isEqualTo(403);
        }
        Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(after.getRetries()).as("nothing changed").isZero();
        assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    }

    /** Notes which municipality the model's code acts for. */
    public static class TenancyProbe implements JavaDelegate {

        static final String VARIABLE = "actingFor";

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(VARIABLE, Tenancy.currentTenant().orElse("none"));
        }
    }

    private Set<String> tenantsOfInstance(String processInstanceId) {
        return Set.copyOf(jdbc.sql("""
                        select tenant_id_ from act_ru_execution where proc_inst_id_ = :id
                        union all select tenant_id_ from act_ru_task where proc_inst_id_ = :id
                        union all select tenant_id_ from act_ru_job where process_instance_id_ = :id
                        union all select tenant_id_ from act_ru_variable where proc_inst_id_ = :id
                        union all select tenant_id_ from act_hi_procinst where proc_inst_id_ = :id
                        union all select tenant_id_ from act_hi_taskinst where proc_inst_id_ = :id
                        union all select tenant_id_ from act_hi_varinst where proc_inst_id_ = :id
                        """).param("id", processInstanceId).query(String.class).list().stream()
                .map(tenant -> tenant == null ? "(none)" : tenant).toList());
    }

    private static List<String> taskIds(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        try {
            List<String> ids = new java.util.ArrayList<>();
            JSON.readTree(reply.body()).forEach(item -> ids.add(item.get("id").asText()));
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
