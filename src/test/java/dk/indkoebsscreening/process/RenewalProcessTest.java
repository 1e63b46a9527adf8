package dk.indkoebsscreening.process;

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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dk.indkoebsscreening.register.RegisterDelegates;
import dk.indkoebsscreening.register.Renewals;
import dk.indkoebsscreening.testsupport.EngineTests;
import dk.indkoebsscreening.testsupport.InMemoryEngine;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of {@code bpmn/SystemRenewalProcess.bpmn} on an in-memory engine, with the real delegate wired to a mock
 * of the service it calls. A contract ends 31 August 2027 with 3 months' notice: notice deadline 31 May 2027, the
 * renewal due six months before, 30 November 2026 (16:00 Copenhagen time, as Renewals starts it).
 */
@InMemoryEngine
@Deployment(resources = "bpmn/SystemRenewalProcess.bpmn")
class RenewalProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension engine = EngineTests.engine();

    static final Instant REGISTERED_AT = at("2026-06-15T10:00");
    static final Instant DUE_AT = at("2026-11-30T16:00");
    static final Instant NOTICE_DEADLINE = at("2027-05-31T16:00");

    private final Renewals renewals = mock(Renewals.class);
    private UUID systemId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(REGISTERED_AT));
        Mocks.register("announceRenewalDelegate", RegisterDelegates.announceRenewal(renewals));
        Mocks.register("offerRenewalToOwnerListener", RegisterDelegates.offerRenewalToOwner(renewals));
        systemId = UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        EngineTests.reset();
    }

    /** Starts an instance as Renewals does when a system gets a contract end date. */
    private ProcessInstance register() {
        return runtimeService().startProcessInstanceByKey(RenewalProcess.PROCESS_KEY, systemId.toString(),
                RenewalProcess.startVariables(DUE_AT, NOTICE_DEADLINE));
    }

    /** The renewal's timer fires, as the job executor runs it once its time has come. */
    private static void renewalComesDue(ProcessInstance instance) {
        ClockUtil.setCurrentTime(Date.from(DUE_AT.plusSeconds(60)));
        execute(job("Timer_RenewalDue", instance));
    }

    private static void supersede(ProcessInstance instance) {
        runtimeService().createMessageCorrelation(RenewalProcess.SUPERSEDED_MESSAGE)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .correlateAll();
    }

    @Test
    @DisplayName("A contract end date: the renewal waits for its date, nobody is told yet")
    void waitsForTheRenewalDate() {
        ProcessInstance instance = register();

        assertThat(instance).isStarted().isActive().hasBusinessKey(systemId.toString()).isWaitingAtExactly("Timer_RenewalDue");
        assertThat(jobQuery().processInstanceId(instance.getId()).singleResult().getDuedate()).isEqualTo(Date.from(DUE_AT));
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
        verifyNoInteractions(renewals);
    }

    @Test
    @DisplayName("The renewal date: owner and coordinators told, their task due at the notice deadline")
    void theDateTellsAndGivesTheCoordinatorsAndTheOwnerATask() {
        when(renewals.ownerOf(systemId)).thenReturn(Optional.of("anna"));
        ProcessInstance instance = register();

        renewalComesDue(instance);

        verify(renewals).announce(systemId);
        assertThat(instance).isWaitingAtExactly(RenewalProcess.CONSIDER_TASK);
        assertThat(task(RenewalProcess.CONSIDER_TASK, instance)).hasCandidateGroup("coordinators").hasCandidateUser("anna")
                .isNotAssigned().hasDueDate(Date.from(NOTICE_DEADLINE));
        assertThat(TaskType.of(RenewalProcess.CONSIDER_TASK)).isEqualTo(TaskType.RENEWAL);
        assertThat(TaskType.RENEWAL.forCoordinators()).isTrue();
    }

    @ParameterizedTest(name = "{0} ends at {1}")
    @CsvSource({"RESCREEN, EndEvent_Rescreening", "RENEW, EndEvent_Renewed", "LET_END, EndEvent_LetEnd"})
    @DisplayName("The coordinators' choice ends the renewal where the model says")
    void eachChoiceEndsTheRenewal(RenewalChoice choice, String end) {
        ProcessInstance instance = register();
        renewalComesDue(instance);

        complete(task(RenewalProcess.CONSIDER_TASK, instance), RenewalProcess.choiceVariables(choice));

        assertThat(instance).isEnded().hasPassed(end);
    }

    @Test
    @DisplayName("A changed end date or a retirement before the date ends the waiting renewal and its timer")
    void supersededBeforeTheDate() {
        ProcessInstance instance = register();

        supersede(instance);

        assertThat(instance).isEnded().hasPassed("EndEvent_Superseded").hasNotPassed("Task_AnnounceRenewal");
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
        verifyNoInteractions(renewals);
    }

    @Test
    @DisplayName("A changed end date or a retirement while the task is open ends the task")
    void supersededWhileTheTaskIsOpen() {
        ProcessInstance instance = register();
        renewalComesDue(instance);

        supersede(instance);

        assertThat(instance).isEnded().hasPassed("EndEvent_Superseded");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    @DisplayName("Each system has its own renewal: one's message does not touch another's")
    void oneSystemsChangeLeavesAnothersRenewal() {
        ProcessInstance first = register();
        systemId = UUID.randomUUID();
        ProcessInstance second = register();

        supersede(first);

        assertThat(first).isEnded();
        assertThat(second).isActive().isWaitingAtExactly("Timer_RenewalDue");
    }
}
