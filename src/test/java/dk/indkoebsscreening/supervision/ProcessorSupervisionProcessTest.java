package dk.indkoebsscreening.supervision;

import static dk.indkoebsscreening.testsupport.EngineTests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dk.indkoebsscreening.process.SupervisionProcess;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.testsupport.EngineTests;
import dk.indkoebsscreening.testsupport.InMemoryEngine;
import dk.indkoebsscreening.web.Choices;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of {@code bpmn/ProcessorSupervisionProcess.bpmn} on an in-memory engine, with the real delegates and the
 * real task step wired to a Mockito mock of the service they call. A processor is registered on Monday 1 March 2027
 * with its next supervision due Monday 15 March 2027 08:00 Copenhagen time and a 12-month interval.
 */
@InMemoryEngine
@Deployment(resources = "bpmn/ProcessorSupervisionProcess.bpmn")
class ProcessorSupervisionProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension engine = EngineTests.engine();

    static final Instant REGISTERED_AT = at("2027-03-01T10:00");
    static final Instant DUE_AT = at("2027-03-15T08:00");
    /** What the service answers when the supervision is recorded on 16 March 2027: 12 months on. */
    static final Instant NEXT_DUE_AT = at("2028-03-16T08:00");

    private final ProcessorSupervision supervision = mock(ProcessorSupervision.class);
    private final SupervisionStep step = new SupervisionStep(mock(Choices.class));
    private final UUID systemId = UUID.randomUUID();
    private final UUID processorId = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(REGISTERED_AT));
        Mocks.register("openSupervisionDelegate", new OpenSupervisionDelegate(supervision));
        Mocks.register("recordSupervisionDelegate", new RecordSupervisionDelegate(supervision));
        when(supervision.record(any(), any(), any(), anyString())).thenReturn(SupervisionProcess.nextSupervision(NEXT_DUE_AT));
    }

    @AfterEach
    void tearDown() {
        EngineTests.reset();
    }

    /** Starts an instance as ProcessorSupervision.add does. */
    private ProcessInstance register() {
        return runtimeService().startProcessInstanceByKey(SupervisionProcess.PROCESS_KEY, systemId.toString(),
                SupervisionProcess.startVariables(processorId, DUE_AT));
    }

    private static Job timer(ProcessInstance instance) {
        return job("Timer_SupervisionDue", instance);
    }

    /** Fires the timer on its day, as the job executor does. */
    private static void fireTimer(ProcessInstance instance) {
        Job timer = timer(instance);
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    /** Completes the task as WorkTaskService does: with the variables the step returns. */
    private void supervise(ProcessInstance instance, SupervisionResult result, String evidence) {
        Map<String, Object> variables = step.complete(systemId, TaskType.SUPERVISION.taskDefinitionKey(),
                new SupervisionForm(result, evidence), "sikkerhed");
        complete(task(TaskType.SUPERVISION.taskDefinitionKey(), instance), variables);
    }

    private MessageCorrelationResult[] correlate(String message, Map<String, Object> variables) {
        return runtimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(systemId.toString())
                .processInstanceVariableEquals(SupervisionProcess.PROCESSOR_ID, processorId.toString())
                .setVariables(variables)
                .correlateAllWithResult().toArray(MessageCorrelationResult[]::new);
    }

    @Test
    @DisplayName("Registered: waits for the next date (Monday 15 March 2027 08:00), no task yet, nothing recorded")
    void registeredProcessorWaitsForItsDate() {
        ProcessInstance instance = register();

        assertThat(instance).isStarted().hasBusinessKey(systemId.toString())
                .isWaitingAtExactly("Gateway_AwaitSupervision");
        assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(DUE_AT));
        verifyNoInteractions(supervision);
    }

    @Test
    @DisplayName("On its date: due recorded, the security group's task due that day; completed, the supervision is recorded and the timer waits for the next date; and again a year on")
    void supervisionOnItsDateLoopsToTheNextDate() {
        ProcessInstance instance = register();

        fireTimer(instance);

        verify(supervision).due(systemId, processorId);
        assertThat(instance).isWaitingAtExactly(TaskType.SUPERVISION.taskDefinitionKey());
        assertThat(task(TaskType.SUPERVISION.taskDefinitionKey(), instance))
                .hasCandidateGroup(ProcessorSupervision.SECURITY_GROUP).isNotAssigned().hasDueDate(Date.from(DUE_AT));
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("no timer while the task is open").isZero();

        ClockUtil.setCurrentTime(Date.from(at("2027-03-16T11:00")));
        supervise(instance, SupervisionResult.REMARKS, "ISAE 3402 type 2 for 2026, two remarks on logging");

        ArgumentCaptor<SupervisionForm> recorded = ArgumentCaptor.forClass(SupervisionForm.class);
        verify(supervision).record(eq(systemId), eq(processorId), recorded.capture(), eq("sikkerhed"));
        assertThat(recorded.getValue()).isEqualTo(new SupervisionForm(SupervisionResult.REMARKS,
                "ISAE 3402 type 2 for 2026, two remarks on logging"));
        assertThat(instance).isWaitingAtExactly("Gateway_AwaitSupervision");
        assertThat(timer(instance).getDuedate()).as("the next date the service gave").isEqualTo(Date.from(NEXT_DUE_AT));

        fireTimer(instance);
        assertThat(task(TaskType.SUPERVISION.taskDefinitionKey(), instance)).hasDueDate(Date.from(NEXT_DUE_AT));
        supervise(instance, SupervisionResult.NO_REMARKS, "ISAE 3402 type 2 for 2027");
        assertThat(instance).isWaitingAtExactly("Gateway_AwaitSupervision");
    }

    @Test
    @DisplayName("A new date while waiting re-times the timer; the instance keeps waiting")
    void newDateRetimesTheTimer() {
        ProcessInstance instance = register();
        Instant earlier = at("2027-03-05T08:00");

        assertThat(correlate(SupervisionProcess.RESCHEDULED_MESSAGE, SupervisionProcess.nextSupervision(earlier))).hasSize(1);

        assertThat(instance).isWaitingAtExactly("Gateway_AwaitSupervision");
        assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).as("one timer, the new one").isOne();
        assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(earlier));
        fireTimer(instance);
        assertThat(task(TaskType.SUPERVISION.taskDefinitionKey(), instance)).hasDueDate(Date.from(earlier));
    }

    @Test
    @DisplayName("A new date while the task is open changes nothing: the supervision recorded sets the next one")
    void newDateWhileTheTaskIsOpenIsLeftToTheSupervision() {
        ProcessInstance instance = register();
        fireTimer(instance);

        assertThat(correlate(SupervisionProcess.RESCHEDULED_MESSAGE,
                SupervisionProcess.nextSupervision(at("2027-06-01T08:00")))).isEmpty();

        assertThat(instance).isWaitingAtExactly(TaskType.SUPERVISION.taskDefinitionKey());
    }

    @Test
    @DisplayName("Removed (or its system retired) while waiting: the supervision ends, its timer with it")
    void endedWhileWaiting() {
        ProcessInstance instance = register();

        assertThat(correlate(SupervisionProcess.ENDED_MESSAGE, Map.of())).hasSize(1);

        assertThat(instance).isEnded().hasPassed("Event_SupervisionEnded", "EndEvent_SupervisionEnded");
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
        verifyNoInteractions(supervision);
    }

    @Test
    @DisplayName("Removed (or its system retired) while the task is open: the task ends unrecorded")
    void endedWhileTheTaskIsOpen() {
        ProcessInstance instance = register();
        fireTimer(instance);

        assertThat(correlate(SupervisionProcess.ENDED_MESSAGE, Map.of())).hasSize(1);

        assertThat(instance).isEnded().hasPassed("Event_SupervisionEndedDuringTask", "EndEvent_SupervisionEndedDuringTask");
        verify(supervision, never()).record(any(), any(), any(), anyString());
    }

    @Test
    @DisplayName("The model: its user task is known to TaskType and offered to the security group, its history kept 400 days")
    void theModelsTaskIsKnown() {
        var model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey(SupervisionProcess.PROCESS_KEY).singleResult().getId());
        assertThat(model.getModelElementsByType(UserTask.class)).singleElement().satisfies(userTask -> {
            assertThat(TaskType.of(userTask.getId())).isEqualTo(TaskType.SUPERVISION);
            assertThat(userTask.getCamundaCandidateGroups()).isEqualTo(ProcessorSupervision.SECURITY_GROUP);
        });
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(SupervisionProcess.PROCESS_KEY).singleResult().getHistoryTimeToLive()).isEqualTo(400);
    }
}
