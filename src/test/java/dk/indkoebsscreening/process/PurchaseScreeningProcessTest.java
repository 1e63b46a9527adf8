package dk.indkoebsscreening.process;

import dk.indkoebsscreening.deadline.Deadline;
import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import dk.indkoebsscreening.decision.DecisionDelegates;
import dk.indkoebsscreening.decision.DecisionService;
import dk.indkoebsscreening.followup.ConditionFollowUp;
import dk.indkoebsscreening.followup.ConditionTasks;
import dk.indkoebsscreening.followup.FollowUpDelegates;
import dk.indkoebsscreening.screening.ScreeningDelegates;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.testsupport.EngineTests;
import dk.indkoebsscreening.testsupport.InMemoryEngine;
import dk.indkoebsscreening.triage.TriageDelegates;
import dk.indkoebsscreening.triage.TriageService;
import dk.indkoebsscreening.withdrawal.WithdrawalDelegates;
import dk.indkoebsscreening.withdrawal.WithdrawalService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dk.indkoebsscreening.testsupport.EngineTests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Every path of {@code bpmn/PurchaseScreeningProcess.bpmn} on an in-memory engine, with the real delegates
 * of the model wired to Mockito mocks of the services they call, and the real DMN table.
 * The request is submitted on Wednesday 1 April 2026 10:00 Copenhagen time, the Wednesday before Easter:
 * reminder Friday 10 April 16:00, deadline Monday 13 April 16:00.
 */
@InMemoryEngine
@Deployment(resources = {"bpmn/PurchaseScreeningProcess.bpmn", "bpmn/ScreeningRecommendation.dmn"})
class PurchaseScreeningProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension engine = EngineTests.engine();

    static final ZoneId COPENHAGEN = EngineTests.COPENHAGEN;
    static final Instant SUBMITTED_AT = at("2026-04-01T10:00");
    static final Date REMINDER_AT = Date.from(at("2026-04-10T16:00"));
    static final Date DEADLINE = Date.from(at("2026-04-13T16:00"));
    static final String REQUESTER = "anna";
    static final String COORDINATOR = "koordinator";
    static final String NORMAL_RULE = "Rule_FastTrackHandling_Normal";
    static final String FAST_RULE = "Rule_FastTrackHandling_Automatic";
    /** The fast track's areas for a system in the EU's cloud (ScreeningScope's areas table). */
    static final List<Area> FAST_SCOPE = List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT);
    /** The screening subprocess with its six open tasks, as the activity instance tree shows them. */
    static final String[] SCREENING = Stream.concat(Stream.of("SubProcess_Screening"),
            Arrays.stream(Area.values()).map(Area::taskDefinitionKey)).toArray(String[]::new);

    private final ScreeningService screening = mock(ScreeningService.class);
    private final DecisionService decisions = mock(DecisionService.class);
    private final WithdrawalService withdrawals = mock(WithdrawalService.class);
    private final ConditionTasks conditionTasks = mock(ConditionTasks.class);
    private final ConditionFollowUp followUp = mock(ConditionFollowUp.class);
    private final TriageService triage = mock(TriageService.class);
    /** The municipality's routing as the model asks it: the areas in here go to the shared organisation's experts. */
    private final Set<Area> sharedAreas = EnumSet.noneOf(Area.class);
    private UUID requestId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT));
        Mocks.register("startScreeningDelegate", ScreeningDelegates.startScreening(screening));
        Mocks.register("remindOpenAreasDelegate", ScreeningDelegates.remindOpenAreas(screening));
        Mocks.register("recordDeadlineMissedDelegate", ScreeningDelegates.recordDeadlineMissed(screening));
        Mocks.register("recordRecommendationListener", DecisionDelegates.recordRecommendation(decisions));
        Mocks.register("recordDecisionDelegate", DecisionDelegates.recordDecision(decisions));
        Mocks.register("decideByRulesDelegate", DecisionDelegates.decideByRule(decisions));
        Mocks.register("acceptFastTrackDelegate", TriageDelegates.acceptFastTrack(triage));
        Mocks.register("recordWithdrawalDelegate", WithdrawalDelegates.recordWithdrawal(withdrawals));
        Mocks.register(ScreeningProcess.CONDITION_TASKS, conditionTasks);
        Mocks.register(ScreeningProcess.SCREENING_GROUPS, (ScreeningGroups) area -> area.candidateGroup(sharedAreas.contains(area)));
        Mocks.register("remindConditionOwnerDelegate", FollowUpDelegates.remindConditionOwner(followUp));
        Mocks.register("recordConditionOverdueDelegate", FollowUpDelegates.recordConditionOverdue(followUp));
        Mocks.register("recordConditionsSettledDelegate", FollowUpDelegates.recordConditionsSettled(followUp));
        requestId = UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        EngineTests.reset();
    }

    /** Starts an instance with the variables RequestService.submit starts it with, the deadline from the real calculator. */
    private ProcessInstance submit() {
        return submit(false, false, NORMAL_RULE);
    }

    /** The same with the handling the scope tables gave (Decision_FastTrackHandling). */
    private ProcessInstance submit(boolean skipTriage, boolean automaticDecision, String rule) {
        DeadlineProperties properties = new DeadlineProperties(5, LocalTime.of(16, 0), COPENHAGEN,
                Set.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31)));
        Deadline deadline = new DeadlineCalculator(properties, new WorkingDayCalendar(properties))
                .forSubmissionAt(ClockUtil.now().toInstant());
        Map<String, Object> variables = ScreeningProcess.startVariables(REQUESTER, "IND-2026-0042", deadline.dueAt(), deadline.remindAt());
        variables.putAll(ScreeningProcess.handlingVariables(skipTriage, automaticDecision, rule));
        return runtimeService().startProcessInstanceByKey(ScreeningProcess.PROCESS_KEY, requestId.toString(), variables);
    }

    /** A fast track accepted by the rule, TriageService answering with the proposed scope's variables. */
    private ProcessInstance submitFastTrack(boolean automaticDecision) {
        when(triage.acceptByRule(requestId, FAST_RULE)).thenReturn(ScreeningProcess.scopeVariables(FAST_SCOPE));
        return submit(true, automaticDecision, FAST_RULE);
    }

    private static void triage(ProcessInstance instance, String outcome) {
        assertThat(instance).isWaitingAt("Task_Triage");
        complete(task("Task_Triage", instance), withVariables("triageOutcome", outcome));
    }

    /** Accepts as TriageService does: the outcome and the confirmed scope's variables. */
    private static void accept(ProcessInstance instance, List<Area> scope) {
        assertThat(instance).isWaitingAt("Task_Triage");
        Map<String, Object> variables = new HashMap<>(ScreeningProcess.scopeVariables(scope));
        variables.put("triageOutcome", "ACCEPT");
        complete(task("Task_Triage", instance), variables);
    }

    private ProcessInstance submitAndAccept() {
        ProcessInstance instance = submit();
        accept(instance, List.of(Area.values()));
        return instance;
    }

    /** Completes an area's screening task as WorkTaskService does: the verdict variable only. */
    private static void screen(ProcessInstance instance, Area area, Verdict verdict) {
        complete(task(area.taskDefinitionKey(), instance), withVariables(area.verdictVariable(), verdict.name()));
    }

    private static List<Job> joinJobs(ProcessInstance instance) {
        return jobQuery().processInstanceId(instance.getId()).activityId("Gateway_ScreeningJoin").list();
    }

    /** What the job executor does in the application: runs each expert's continuation into the join. */
    private static void executeJoinJobs(ProcessInstance instance) {
        joinJobs(instance).forEach(job -> execute(job));
    }

    private static void screenAll(ProcessInstance instance, Verdict... verdicts) {
        for (int i = 0; i < verdicts.length; i++) {
            screen(instance, Area.values()[i], verdicts[i]);
        }
        executeJoinJobs(instance);
    }

    private static Verdict[] allApproved() {
        Verdict[] verdicts = new Verdict[6];
        Arrays.fill(verdicts, Verdict.APPROVED);
        return verdicts;
    }

    private static long openTasks(ProcessInstance instance, String taskDefinitionKey) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey).count();
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @Test
    @DisplayName("Submission: the coordinators' triage task, due at the deadline Monday 13 April 2026 16:00")
    void submissionWaitsForTriage() {
        ProcessInstance instance = submit();

        assertThat(instance).isStarted().isActive()
                .hasBusinessKey(requestId.toString())
                .isWaitingAtExactly("Task_Triage");
        assertThat(instance).variables()
                .containsEntry("requester", REQUESTER)
                .containsEntry("deadline", DEADLINE)
                .containsEntry("reminderAt", REMINDER_AT);
        assertThat(task("Task_Triage", instance)).hasCandidateGroup("coordinators").isNotAssigned().hasDueDate(DEADLINE);
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("no timers before screening starts").isZero();
        verifyNoInteractions(screening, decisions);
    }

    @Test
    @DisplayName("Triage accept: screening is opened and six parallel tasks wait, each for its own candidate group")
    void triageAcceptOpensSixScreenings() {
        ProcessInstance instance = submitAndAccept();

        assertThat(instance).hasPassed("Task_Triage", "Gateway_TriageOutcome", "Task_StartScreening",
                        "StartEvent_ScreeningStarted", "Gateway_ScreeningFork")
                .hasNotPassed("Task_ProvideInformation", "Task_RecordTriageRejection")
                .isWaitingAtExactly(SCREENING);
        verify(screening).start(requestId);
        for (Area area : Area.values()) {
            assertThat(task(area.taskDefinitionKey(), instance))
                    .hasCandidateGroup(area.candidateGroup())
                    .isNotAssigned()
                    .hasDueDate(DEADLINE);
        }
        assertThat(task("Task_ScreenSecurity", instance)).hasCandidateGroup("screening-security");
        assertThat(task("Task_ScreenUserManagement", instance)).hasCandidateGroup("screening-user-management");
        assertThat(task("Task_ScreenSupport", instance)).hasCandidateGroup("screening-support");
        assertThat(task("Task_ScreenContract", instance)).hasCandidateGroup("screening-contract");
        assertThat(task("Task_ScreenInstallation", instance)).hasCandidateGroup("screening-installation");
        assertThat(task("Task_ScreenImplementation", instance)).hasCandidateGroup("screening-implementation");
        assertThat(job("BoundaryEvent_ReminderDue", instance)).hasDueDate(REMINDER_AT);
        assertThat(job("BoundaryEvent_DeadlineMissed", instance)).hasDueDate(DEADLINE);
        verifyNoInteractions(decisions);
    }

    @Test
    @DisplayName("An area the municipality routes to the shared organisation is offered to its experts' group, the others to the municipality's own")
    void sharedAreasAreOfferedToTheSharedOrganisationsGroup() {
        sharedAreas.addAll(List.of(Area.INSTALLATION, Area.SUPPORT));

        ProcessInstance instance = submitAndAccept();

        assertThat(task("Task_ScreenInstallation", instance)).hasCandidateGroup("shared-screening-installation");
        assertThat(task("Task_ScreenSupport", instance)).hasCandidateGroup("shared-screening-support");
        for (Area area : List.of(Area.SECURITY, Area.USER_MANAGEMENT, Area.CONTRACT, Area.IMPLEMENTATION)) {
            assertThat(task(area.taskDefinitionKey(), instance)).hasCandidateGroup(area.candidateGroup());
        }
    }

    @Test
    @DisplayName("Triage accepts a fast-track scope of three areas: only their tasks open, the join waits for those three, and the recommendation ignores the areas left out")
    void scopedScreeningOpensOnlyTheAreasInScope() {
        ProcessInstance instance = submit();
        List<Area> scope = List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT);
        accept(instance, scope);

        assertThat(instance).hasPassed("Gateway_ScreeningFork")
                .isWaitingAtExactly("SubProcess_Screening", "Task_ScreenUserManagement", "Task_ScreenSupport", "Task_ScreenContract");
        assertThat(instance).variables().containsEntry("verdictSecurity", ScreeningProcess.NOT_RELEVANT)
                .containsEntry("verdictInstallation", ScreeningProcess.NOT_RELEVANT)
                .containsEntry("verdictImplementation", ScreeningProcess.NOT_RELEVANT)
                .containsEntry("inScopeContract", true).containsEntry("inScopeSecurity", false);

        screen(instance, Area.USER_MANAGEMENT, Verdict.APPROVED);
        screen(instance, Area.SUPPORT, Verdict.APPROVED);
        executeJoinJobs(instance);
        assertThat(instance).as("the join waits for the third area in scope").isWaitingAt("Task_ScreenContract")
                .hasNotPassed("Task_RecommendDecision");

        screen(instance, Area.CONTRACT, Verdict.APPROVED_WITH_CONDITIONS);
        executeJoinJobs(instance);

        assertThat(instance).hasPassed("Gateway_ScreeningJoin", "EndEvent_AllAreasScreened", "Task_RecommendDecision")
                .isWaitingAtExactly("Task_Decide");
        assertThat(instance).variables().containsEntry("recommendation", "APPROVED_WITH_CONDITIONS");
        verify(decisions).recordRecommendation(requestId, Verdict.APPROVED_WITH_CONDITIONS);
    }

    @Test
    @DisplayName("A single area in scope: one task, and its rejection is the recommendation")
    void singleAreaInScope() {
        ProcessInstance instance = submit();
        accept(instance, List.of(Area.SECURITY));

        assertThat(instance).isWaitingAtExactly("SubProcess_Screening", "Task_ScreenSecurity");
        screen(instance, Area.SECURITY, Verdict.REJECTED);
        executeJoinJobs(instance);

        assertThat(instance).isWaitingAtExactly("Task_Decide");
        verify(decisions).recordRecommendation(requestId, Verdict.REJECTED);
    }

    @Test
    @DisplayName("The deadline with a scope of two areas, one screened: the escalation names the open one only and the other areas never open")
    void deadlineWithAScopedScreening() {
        ProcessInstance instance = submit();
        accept(instance, List.of(Area.SECURITY, Area.CONTRACT));
        screen(instance, Area.SECURITY, Verdict.APPROVED);
        executeJoinJobs(instance);
        when(screening.recordDeadlineMissed(requestId)).thenReturn(1);

        moveClockTo(DEADLINE.toInstant().plus(Duration.ofMinutes(1)));
        execute(job("BoundaryEvent_DeadlineMissed", instance));

        assertThat(instance).as("the screened area's token waits in the join for the open one")
                .isWaitingAtExactly("SubProcess_Screening", "Gateway_ScreeningJoin", "Task_ScreenContract", "Task_HandleEscalation");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isEqualTo(2);
    }

    /** Correlates the withdrawal as WithdrawalService does, and checks that nothing of the request is left running. */
    private void withdrawAndAssertNothingLeft(ProcessInstance instance) {
        runtimeService().createMessageCorrelation(ScreeningProcess.WITHDRAWAL_MESSAGE).processInstanceId(instance.getId())
                .setVariable(ScreeningProcess.WITHDRAWN_BY, REQUESTER)
                .setVariable(ScreeningProcess.WITHDRAWAL_REASON, "Behovet er dækket af en regional løsning")
                .correlateWithResult();

        assertThat(instance).hasPassedInOrder("StartEvent_RequestWithdrawn", "Task_RecordWithdrawal", "EndEvent_Withdrawn")
                .hasNotPassed("Task_RecordDecision").isEnded();
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).as("open tasks").isZero();
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("timers and join jobs").isZero();
        verify(withdrawals).record(requestId, REQUESTER, "Behovet er dækket af en regional løsning");
        verify(decisions, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    @DisplayName("Withdrawn while waiting for triage: the triage task ends with the process")
    void withdrawnAtTriage() {
        withdrawAndAssertNothingLeft(submit());
    }

    @Test
    @DisplayName("Withdrawn while the coordinator's question waits for the requester")
    void withdrawnWhileAnswerIsAwaited() {
        ProcessInstance instance = submit();
        triage(instance, "NEED_MORE_INFORMATION");
        assertThat(instance).isWaitingAt("Task_ProvideInformation");
        withdrawAndAssertNothingLeft(instance);
    }

    @Test
    @DisplayName("Withdrawn during the screening, two areas screened and their join jobs pending: screenings, join jobs and both timers end")
    void withdrawnDuringScreening() {
        ProcessInstance instance = submitAndAccept();
        screen(instance, Area.SECURITY, Verdict.APPROVED);
        screen(instance, Area.CONTRACT, Verdict.APPROVED);
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("two join jobs and two timers").isEqualTo(4);
        withdrawAndAssertNothingLeft(instance);
    }

    @Test
    @DisplayName("Withdrawn after the deadline passed: the escalation ends too")
    void withdrawnWithTheEscalationOpen() {
        ProcessInstance instance = submitAndAccept();
        when(screening.recordDeadlineMissed(requestId)).thenReturn(6);
        moveClockTo(DEADLINE.toInstant().plus(Duration.ofMinutes(1)));
        execute(job("BoundaryEvent_DeadlineMissed", instance));
        assertThat(instance).isWaitingAt("Task_HandleEscalation");
        withdrawAndAssertNothingLeft(instance);
    }

    @Test
    @DisplayName("Withdrawn while the decision is awaited: no decision is recorded")
    void withdrawnBeforeTheDecision() {
        ProcessInstance instance = submitAndAccept();
        screenAll(instance, allApproved());
        assertThat(instance).isWaitingAtExactly("Task_Decide");
        withdrawAndAssertNothingLeft(instance);
    }

    @Test
    @DisplayName("Triage need more information: a task for the requester, then back to triage (twice), then accepted")
    void needMoreInformationLoopsBackToTriage() {
        ProcessInstance instance = submit();

        for (int round = 1; round <= 2; round++) {
            triage(instance, "NEED_MORE_INFORMATION");
            assertThat(instance).isWaitingAtExactly("Task_ProvideInformation");
            assertThat(task("Task_ProvideInformation", instance)).isAssignedTo(REQUESTER);
            complete(task("Task_ProvideInformation", instance));
            assertThat(instance).isWaitingAtExactly("Task_Triage");
            assertThat(task("Task_Triage", instance)).hasCandidateGroup("coordinators");
        }
        verifyNoInteractions(screening, decisions);

        accept(instance, List.of(Area.values()));

        assertThat(instance).hasPassed("Task_ProvideInformation").isWaitingAtExactly(SCREENING);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_ProvideInformation").count()).isEqualTo(2);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_Triage").count()).isEqualTo(3);
        verify(screening).start(requestId);
    }

    @Test
    @DisplayName("Triage reject: the rejection is recorded as a decision and the process ends")
    void triageRejectEnds() {
        ProcessInstance instance = submit();

        complete(task("Task_Triage", instance), withVariables(
                "triageOutcome", "REJECT",
                "decisionOutcome", "REJECTED",
                "decisionReason", "Dækket af kommunens eksisterende bookingsystem",
                "decidedBy", COORDINATOR));

        assertThat(instance).hasPassedInOrder("Task_Triage", "Gateway_TriageOutcome", "Task_RecordTriageRejection",
                        "EndEvent_RejectedAtTriage")
                .hasNotPassed("Task_StartScreening", "Task_ProvideInformation")
                .isEnded();
        verify(decisions).record(requestId, Verdict.REJECTED, "Dækket af kommunens eksisterende bookingsystem", COORDINATOR, null);
        verifyNoInteractions(screening);
    }

    @Test
    @DisplayName("The join is a save point: each completion leaves a job; exactly one decision task after all six jobs ran")
    void asyncJoinCreatesExactlyOneDecisionTask() {
        ProcessInstance instance = submitAndAccept();

        screen(instance, Area.SECURITY, Verdict.APPROVED);

        assertThat(instance).isWaitingAt("Gateway_ScreeningJoin");
        assertThat(job("Gateway_ScreeningJoin", instance)).hasActivityId("Gateway_ScreeningJoin").hasRetries(3);

        for (Area area : List.of(Area.USER_MANAGEMENT, Area.SUPPORT, Area.CONTRACT, Area.INSTALLATION, Area.IMPLEMENTATION)) {
            screen(instance, area, Verdict.APPROVED);
        }
        // All six experts have committed; nothing has run the join yet.
        assertThat(joinJobs(instance)).hasSize(6);
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(openTasks(instance, "Task_Decide")).isZero();

        List<Job> jobs = joinJobs(instance);
        for (int i = 0; i < jobs.size(); i++) {
            execute(jobs.get(i));
            assertThat(openTasks(instance, "Task_Decide")).as("decision tasks after %d join jobs", i + 1)
                    .isEqualTo(i < jobs.size() - 1 ? 0 : 1);
        }

        assertThat(instance).hasPassed("Gateway_ScreeningJoin", "EndEvent_AllAreasScreened", "Task_RecommendDecision")
                .isWaitingAtExactly("Task_Decide");
        assertThat(taskQuery().processInstanceId(instance.getId()).list()).singleElement()
                .extracting(Task::getTaskDefinitionKey).isEqualTo("Task_Decide");
        assertThat(task("Task_Decide", instance)).hasCandidateGroup("coordinators");
        assertThat(jobQuery().processInstanceId(instance.getId()).count())
                .as("the reminder and deadline timers are gone with the subprocess").isZero();
        verify(screening, never()).remindOpenAreas(any());
        verify(screening, never()).recordDeadlineMissed(any());
    }

    static Stream<Arguments> recommendations() {
        Verdict a = Verdict.APPROVED;
        Verdict c = Verdict.APPROVED_WITH_CONDITIONS;
        Verdict r = Verdict.REJECTED;
        return Stream.of(
                Arguments.of("all six approved", new Verdict[] {a, a, a, a, a, a}, Verdict.APPROVED),
                Arguments.of("contract with conditions", new Verdict[] {a, a, a, c, a, a}, Verdict.APPROVED_WITH_CONDITIONS),
                Arguments.of("security rejected, installation with conditions", new Verdict[] {r, a, a, a, c, a}, Verdict.REJECTED));
    }

    @ParameterizedTest(name = "{0} -> recommendation {2}, confirmed by the coordinator")
    @MethodSource("recommendations")
    void recommendationThroughTheProcess(String description, Verdict[] verdicts, Verdict expected) {
        ProcessInstance instance = submitAndAccept();

        screenAll(instance, verdicts);

        assertThat(instance).hasPassed("Task_RecommendDecision").isWaitingAtExactly("Task_Decide");
        assertThat(instance).variables().containsEntry("recommendation", expected.name());
        verify(decisions).recordRecommendation(requestId, expected);

        complete(task("Task_Decide", instance), withVariables("decisionOutcome", expected.name(), "decidedBy", COORDINATOR));

        // An approval with conditions follows them up (here none were bound, so it settles at once).
        assertThat(instance).hasPassedInOrder("Task_RecommendDecision", "Task_Decide", "Task_RecordDecision",
                expected == Verdict.APPROVED_WITH_CONDITIONS ? "EndEvent_ConditionsSettled" : "EndEvent_RequestDecided").isEnded();
        verify(decisions).record(requestId, expected, null, COORDINATOR, null);
    }

    @Test
    @DisplayName("Decision overriding the recommendation: the coordinator's outcome and reason are recorded")
    void decisionOverridesRecommendation() {
        ProcessInstance instance = submitAndAccept();
        screenAll(instance, allApproved());
        verify(decisions).recordRecommendation(requestId, Verdict.APPROVED);

        complete(task("Task_Decide", instance), withVariables("decisionOutcome", "REJECTED",
                "decisionReason", "Budgettet er brugt", "decidedBy", COORDINATOR));

        assertThat(instance).hasPassed("Task_RecordDecision", "EndEvent_RequestDecided").isEnded();
        verify(decisions).record(requestId, Verdict.REJECTED, "Budgettet er brugt", COORDINATOR, null);
    }

    @Test
    @DisplayName("Reminder timer on Friday 10 April 2026 16:00: open areas reminded, all screenings stay open")
    void reminderTimer() {
        ProcessInstance instance = submitAndAccept();
        screen(instance, Area.SECURITY, Verdict.APPROVED);
        executeJoinJobs(instance);

        moveClockTo(REMINDER_AT.toInstant().minusSeconds(60));
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count())
                .as("nothing due a minute before the reminder").isZero();

        moveClockTo(REMINDER_AT.toInstant().plusSeconds(60));
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().list()).singleElement()
                .extracting(Job::getId).isEqualTo(job("BoundaryEvent_ReminderDue", instance).getId());
        execute(job("BoundaryEvent_ReminderDue", instance));

        verify(screening).remindOpenAreas(requestId);
        verify(screening, never()).recordDeadlineMissed(any());
        assertThat(instance).hasPassed("BoundaryEvent_ReminderDue", "Task_RemindOpenAreas", "EndEvent_Reminded")
                .hasNotPassed("Task_RecordDeadlineMissed")
                .isWaitingAt("Task_ScreenUserManagement", "Task_ScreenSupport", "Task_ScreenContract",
                        "Task_ScreenInstallation", "Task_ScreenImplementation", "Gateway_ScreeningJoin");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isEqualTo(5);
        assertThat(job("BoundaryEvent_DeadlineMissed", instance)).hasDueDate(DEADLINE);
        assertThat(jobQuery().processInstanceId(instance.getId()).activityId("BoundaryEvent_ReminderDue").count())
                .as("the reminder fires once").isZero();
    }

    @Test
    @DisplayName("Fast track: no triage, the rule's scope opens; every area approves without conditions: decided by the rule, no decision task")
    void fastTrackEveryAreaApprovedIsDecidedByTheRule() {
        ProcessInstance instance = submitFastTrack(true);

        assertThat(instance).hasPassed("Gateway_FastTrack", "Task_AcceptFastTrack", "Task_StartScreening")
                .hasNotPassed("Task_Triage")
                .isWaitingAt("Task_ScreenUserManagement", "Task_ScreenSupport", "Task_ScreenContract");
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Triage").count()).isZero();
        verify(triage).acceptByRule(requestId, FAST_RULE);
        verify(screening).start(requestId);

        FAST_SCOPE.forEach(area -> screen(instance, area, Verdict.APPROVED));
        executeJoinJobs(instance);

        assertThat(instance).hasPassed("Task_RecommendDecision", "Gateway_DecidedByRules", "Task_DecideByRules",
                "EndEvent_DecidedByRules").hasNotPassed("Task_Decide").isEnded();
        verify(decisions).decideByRule(requestId, FAST_RULE);
        verify(decisions, never()).recordRecommendation(any(), any());
        verify(decisions, never()).record(any(), any(), any(), any(), any());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdictsTheRuleDoesNotDecide")
    @DisplayName("Fast track where an area does not simply approve: the coordinator decides, as always")
    void fastTrackWithAnAreaNotSimplyApprovingGoesToTheCoordinator(Verdict verdict) {
        ProcessInstance instance = submitFastTrack(true);
        screen(instance, Area.USER_MANAGEMENT, Verdict.APPROVED);
        screen(instance, Area.SUPPORT, verdict);
        screen(instance, Area.CONTRACT, Verdict.APPROVED);
        executeJoinJobs(instance);

        assertThat(instance).hasPassed("Gateway_DecidedByRules").hasNotPassed("Task_DecideByRules").isWaitingAt("Task_Decide");
        verify(decisions).recordRecommendation(requestId, verdict);
        verify(decisions, never()).decideByRule(any(), any());
    }

    static Stream<Verdict> verdictsTheRuleDoesNotDecide() {
        return Stream.of(Verdict.APPROVED_WITH_CONDITIONS, Verdict.REJECTED);
    }

    @Test
    @DisplayName("Fast track whose rule allows no automatic decision (hosted outside the EU/EEA): all approve, the coordinator decides")
    void fastTrackWithoutAutomaticDecisionGoesToTheCoordinator() {
        ProcessInstance instance = submitFastTrack(false);
        FAST_SCOPE.forEach(area -> screen(instance, area, Verdict.APPROVED));
        executeJoinJobs(instance);

        assertThat(instance).hasNotPassed("Task_Triage", "Task_DecideByRules").isWaitingAt("Task_Decide");
        verify(decisions, never()).decideByRule(any(), any());
    }

    @Test
    @DisplayName("A coordinator steps in on a fast track (automatic decision turned off while screening): all approve, the coordinator decides")
    void aCoordinatorWhoStepsInDecidesTheFastTrack() {
        ProcessInstance instance = submitFastTrack(true);
        runtimeService().setVariable(instance.getId(), ScreeningProcess.AUTOMATIC_DECISION, false);
        FAST_SCOPE.forEach(area -> screen(instance, area, Verdict.APPROVED));
        executeJoinJobs(instance);

        assertThat(instance).hasNotPassed("Task_DecideByRules").isWaitingAt("Task_Decide");
        complete(task("Task_Decide", instance), withVariables("decisionOutcome", "APPROVED", "decidedBy", COORDINATOR));
        assertThat(instance).hasPassed("Task_RecordDecision", "EndEvent_RequestDecided").isEnded();
        verify(decisions).record(requestId, Verdict.APPROVED, null, COORDINATOR, null);
        verify(decisions, never()).decideByRule(any(), any());
    }

    @Test
    @DisplayName("A pause of three working days while the requester answers: the reminder and the deadline fire three working days later, the tasks are due then")
    void aPauseMovesTheTimersAndTheTasksDueDates() {
        ProcessInstance instance = submitAndAccept();
        Instant remindAt = at("2026-04-15T16:00");
        Instant dueAt = at("2026-04-16T16:00");

        new ScreeningDeadline(runtimeService(), BpmnAwareTests.managementService(), BpmnAwareTests.taskService())
                .move(instance.getId(), DEADLINE.toInstant(), dueAt, remindAt);

        assertThat(instance).variables().containsEntry("deadline", Date.from(dueAt)).containsEntry("reminderAt", Date.from(remindAt));
        assertThat(taskQuery().processInstanceId(instance.getId()).list()).extracting(Task::getDueDate)
                .hasSize(6).containsOnly(Date.from(dueAt));
        moveClockTo(DEADLINE.toInstant().plus(Duration.ofMinutes(1)));
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count())
                .as("nothing due at the old deadline").isZero();

        moveClockTo(remindAt.plusSeconds(60));
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().list()).singleElement()
                .extracting(Job::getId).isEqualTo(job("BoundaryEvent_ReminderDue", instance).getId());
        execute(job("BoundaryEvent_ReminderDue", instance));
        verify(screening).remindOpenAreas(requestId);

        when(screening.recordDeadlineMissed(requestId)).thenReturn(6);
        moveClockTo(dueAt.plusSeconds(60));
        execute(jobQuery().processInstanceId(instance.getId()).executable().singleResult());
        verify(screening).recordDeadlineMissed(requestId);
        assertThat(task("Task_HandleEscalation", instance)).hasDueDate(Date.from(dueAt));
    }

    @Test
    @DisplayName("Deadline timer on Monday 13 April 2026 16:00: missed deadline recorded, coordinators escalate, open screenings stay open; escalation handled ends its branch only")
    void deadlineTimerEscalatesAndEscalationIsHandled() {
        ProcessInstance instance = submitAndAccept();
        screen(instance, Area.SECURITY, Verdict.APPROVED);
        screen(instance, Area.SUPPORT, Verdict.APPROVED_WITH_CONDITIONS);
        executeJoinJobs(instance);

        when(screening.recordDeadlineMissed(requestId)).thenReturn(4);
        moveClockTo(DEADLINE.toInstant().plus(Duration.ofMinutes(1)));
        execute(job("BoundaryEvent_ReminderDue", instance));
        execute(job("BoundaryEvent_DeadlineMissed", instance));

        verify(screening).recordDeadlineMissed(requestId);
        assertThat(instance).hasPassed("BoundaryEvent_DeadlineMissed", "Task_RecordDeadlineMissed", "Gateway_AnyAreaOpen")
                .isWaitingAt("Task_HandleEscalation", "Task_ScreenUserManagement", "Task_ScreenContract",
                        "Task_ScreenInstallation", "Task_ScreenImplementation");
        assertThat(task("Task_HandleEscalation", instance)).hasCandidateGroup("coordinators");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isEqualTo(5);

        complete(task("Task_HandleEscalation", instance));

        assertThat(instance).hasPassed("EndEvent_EscalationHandled").isActive()
                .isWaitingAt("Task_ScreenUserManagement", "Task_ScreenContract", "Task_ScreenInstallation",
                        "Task_ScreenImplementation");
        assertThat(jobQuery().processInstanceId(instance.getId()).timers().count())
                .as("each timer fires once").isZero();

        for (Area area : List.of(Area.USER_MANAGEMENT, Area.CONTRACT, Area.INSTALLATION, Area.IMPLEMENTATION)) {
            screen(instance, area, Verdict.APPROVED);
        }
        executeJoinJobs(instance);
        verify(decisions).recordRecommendation(requestId, Verdict.APPROVED_WITH_CONDITIONS);
        complete(task("Task_Decide", instance), withVariables(
                "decisionOutcome", "APPROVED_WITH_CONDITIONS", "decidedBy", COORDINATOR));

        // Approved with conditions, none bound here: the follow-up settles at once.
        assertThat(instance).hasPassed("Task_RecordDecision", "EndEvent_ConditionsSettled").isEnded();
        verify(decisions).record(requestId, Verdict.APPROVED_WITH_CONDITIONS, null, COORDINATOR, null);
    }

    @Test
    @DisplayName("Deadline timer after all six were screened but before the join ran: nothing missed, no escalation")
    void deadlineTimerWithEveryAreaScreenedRaisesNoEscalation() {
        ProcessInstance instance = submitAndAccept();
        for (Area area : Area.values()) {
            screen(instance, area, Verdict.APPROVED);
        }
        when(screening.recordDeadlineMissed(requestId)).thenReturn(0);

        moveClockTo(DEADLINE.toInstant().plus(Duration.ofMinutes(1)));
        execute(job("BoundaryEvent_DeadlineMissed", instance));

        assertThat(instance).hasPassed("Task_RecordDeadlineMissed", "Gateway_AnyAreaOpen", "EndEvent_NothingMissed")
                .hasNotPassed("Task_HandleEscalation");
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HandleEscalation").count())
                .isZero();
    }

    @Test
    @DisplayName("Decision while the escalation is still open: the terminate end event ends the escalation too")
    void decisionTerminatesOpenEscalation() {
        ProcessInstance instance = submitAndAccept();
        when(screening.recordDeadlineMissed(requestId)).thenReturn(6);

        moveClockTo(DEADLINE.toInstant().plus(Duration.ofHours(2)));
        execute(job("BoundaryEvent_DeadlineMissed", instance));
        assertThat(instance).isWaitingAt("Task_HandleEscalation");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).as("escalation and six screenings").isEqualTo(7);

        screenAll(instance, allApproved());

        assertThat(instance).isWaitingAtExactly("Task_HandleEscalation", "Task_Decide");
        complete(task("Task_Decide", instance), withVariables("decisionOutcome", "APPROVED", "decidedBy", COORDINATOR));

        assertThat(instance).hasPassed("Task_RecordDecision", "EndEvent_RequestDecided")
                .hasNotPassed("EndEvent_EscalationHandled")
                .isEnded();
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).as("escalation task gone").isZero();
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(runtimeService().createExecutionQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(decisions).record(requestId, Verdict.APPROVED, null, COORDINATOR, null);
    }

    // The follow-up of an approval's conditions: one parallel instance per condition, asking ConditionTasks (here a
    // mock) who fulfils and verifies each and when it is due. Two conditions: the security area's and the coordinator's.

    static final String SECURITY_CONDITION = "0b5c3f5e-6d2a-4c1e-9a57-000000000001";
    static final String OWN_CONDITION = "0b5c3f5e-6d2a-4c1e-9a57-000000000002";
    static final Date CONDITION_DUE = Date.from(at("2026-06-01T16:00"));
    static final Date CONDITION_REMIND_AT = Date.from(at("2026-05-22T16:00"));

    private void condition(String id, String owner, String verifiers) {
        when(conditionTasks.owner(id)).thenReturn(owner);
        when(conditionTasks.verifiers(id)).thenReturn(verifiers);
        when(conditionTasks.due(id)).thenReturn(CONDITION_DUE);
        when(conditionTasks.remindAt(id)).thenReturn(CONDITION_REMIND_AT);
    }

    /** Screened, then decided approved with the conditions given (owned by the requester). */
    private ProcessInstance approvedWithConditions(String... conditionIds) {
        when(conditionTasks.ids(any())).thenReturn(List.of(conditionIds));
        for (String id : conditionIds) {
            condition(id, REQUESTER, id.equals(OWN_CONDITION) ? "coordinators" : "screening-security");
        }
        ProcessInstance instance = submitAndAccept();
        screenAll(instance, allApproved());
        complete(task("Task_Decide", instance), withVariables("decisionOutcome", "APPROVED_WITH_CONDITIONS", "decidedBy", COORDINATOR));
        return instance;
    }

    private static Task conditionTask(ProcessInstance instance, String taskDefinitionKey, String conditionId) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey).list().stream()
                .filter(task -> conditionId.equals(BpmnAwareTests.taskService().getVariable(task.getId(), ScreeningProcess.CONDITION_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + taskDefinitionKey + " for " + conditionId));
    }

    private static Job conditionTimer(ProcessInstance instance, String timerEvent, String conditionId) {
        return jobQuery().processInstanceId(instance.getId()).activityId(timerEvent).timers().list().stream()
                .filter(job -> conditionId.equals(runtimeService().getVariable(job.getExecutionId(), ScreeningProcess.CONDITION_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + timerEvent + " for " + conditionId));
    }

    private static void fulfil(ProcessInstance instance, String conditionId) {
        complete(conditionTask(instance, "Task_FulfilCondition", conditionId));
    }

    private static void verifyCondition(ProcessInstance instance, String conditionId, boolean verified) {
        complete(conditionTask(instance, "Task_VerifyCondition", conditionId),
                withVariables(ScreeningProcess.CONDITION_VERIFIED, verified));
    }

    @Test
    @DisplayName("Approved with conditions: each condition's owner gets a task due on its date, with a reminder and an overdue timer")
    void approvalWithConditionsOpensOneTaskPerCondition() {
        ProcessInstance instance = approvedWithConditions(SECURITY_CONDITION, OWN_CONDITION);

        assertThat(instance).hasPassedInOrder("Task_RecordDecision", "Gateway_ConditionsToFollowUp")
                .hasNotPassed("EndEvent_RequestDecided").isWaitingAt("Task_FulfilCondition");
        for (String id : List.of(SECURITY_CONDITION, OWN_CONDITION)) {
            Task task = conditionTask(instance, "Task_FulfilCondition", id);
            assertThat(task).isAssignedTo(REQUESTER);
            assertThat(task.getDueDate()).isEqualTo(CONDITION_DUE);
            assertThat(conditionTimer(instance, "BoundaryEvent_ConditionReminder", id).getDuedate()).isEqualTo(CONDITION_REMIND_AT);
            assertThat(conditionTimer(instance, "BoundaryEvent_ConditionOverdue", id).getDuedate()).isEqualTo(CONDITION_DUE);
        }
        verify(decisions).record(requestId, Verdict.APPROVED_WITH_CONDITIONS, null, COORDINATOR, null);
        verifyNoInteractions(followUp);
    }

    @Test
    @DisplayName("All verified: the area's experts verify its condition, the coordinators their own; then the conditions are settled")
    void allVerified() {
        ProcessInstance instance = approvedWithConditions(SECURITY_CONDITION, OWN_CONDITION);

        fulfil(instance, SECURITY_CONDITION);
        assertThat(conditionTask(instance, "Task_VerifyCondition", SECURITY_CONDITION)).hasCandidateGroup("screening-security");
        assertThat(jobQuery().processInstanceId(instance.getId()).count())
                .as("the reported condition's timers are gone, the other's stay").isEqualTo(2);
        verifyCondition(instance, SECURITY_CONDITION, true);
        verify(followUp, never()).recordSettled(any());

        fulfil(instance, OWN_CONDITION);
        assertThat(conditionTask(instance, "Task_VerifyCondition", OWN_CONDITION)).hasCandidateGroup("coordinators");
        verifyCondition(instance, OWN_CONDITION, true);

        assertThat(instance).hasPassedInOrder("SubProcess_ConditionFollowUp", "Task_RecordConditionsSettled",
                "EndEvent_ConditionsSettled").isEnded();
        verify(followUp).recordSettled(requestId);
        verify(followUp, never()).recordOverdue(any(), any());
    }

    @Test
    @DisplayName("Sent back, then verified: the condition goes back to its owner, who reports it again")
    void sentBackThenVerified() {
        ProcessInstance instance = approvedWithConditions(SECURITY_CONDITION);
        fulfil(instance, SECURITY_CONDITION);

        verifyCondition(instance, SECURITY_CONDITION, false);

        assertThat(instance).isWaitingAt("Task_FulfilCondition");
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_VerifyCondition").count()).isZero();
        assertThat(conditionTask(instance, "Task_FulfilCondition", SECURITY_CONDITION)).isAssignedTo(REQUESTER);
        assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).as("reminder and overdue again").isEqualTo(2);
        fulfil(instance, SECURITY_CONDITION);
        verifyCondition(instance, SECURITY_CONDITION, true);

        assertThat(instance).hasPassed("EndEvent_ConditionVerified", "EndEvent_ConditionsSettled").isEnded();
        verify(followUp).recordSettled(requestId);
    }

    @Test
    @DisplayName("Handed to a colleague: a task created after the hand-over goes to the condition's owner as it is now")
    void handedToAColleague() {
        ProcessInstance instance = approvedWithConditions(SECURITY_CONDITION);
        fulfil(instance, SECURITY_CONDITION);
        when(conditionTasks.owner(SECURITY_CONDITION)).thenReturn("bo");

        verifyCondition(instance, SECURITY_CONDITION, false);

        assertThat(conditionTask(instance, "Task_FulfilCondition", SECURITY_CONDITION)).isAssignedTo("bo");
    }

    @Test
    @DisplayName("Waived: the message for one condition ends its task and timers; the others go on, and the last settles them")
    void waived() {
        ProcessInstance instance = approvedWithConditions(SECURITY_CONDITION, OWN_CONDITION);

        runtimeService().createMessageCorrelation(ScreeningProcess.CONDITION_WAIVED_MESSAGE).processInstanceId(instance.getId())
                .localVariableEquals(ScreeningProcess.CONDITION_ID, SECURITY_CONDITION).correlateWithResult();

        assertThat(instance).hasPassed("StartEvent_ConditionWaived", "EndEvent_ConditionWaived");
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_FulfilCondition").count()).isEqualTo(1);
        conditionTask(instance, "Task_FulfilCondition", OWN_CONDITION);
        assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).as("the other condition's timers").isEqualTo(2);

        fulfil(instance, OWN_CONDITION);
        runtimeService().createMessageCorrelation(ScreeningProcess.CONDITION_WAIVED_MESSAGE).processInstanceId(instance.getId())
                .localVariableEquals(ScreeningProcess.CONDITION_ID, OWN_CONDITION).correlateWithResult();

        assertThat(instance).hasPassed("Task_RecordConditionsSettled").isEnded();
        verify(followUp).recordSettled(requestId);
    }

    @Test
    @DisplayName("Reminder before the due date: the owner is reminded, the task stays open")
    void reminderBeforeTheDueDate() {
        ProcessInstance instance = approvedWithConditions(SECURITY_CONDITION, OWN_CONDITION);

        execute(conditionTimer(instance, "BoundaryEvent_ConditionReminder", SECURITY_CONDITION));

        assertThat(instance).hasPassed("Task_RemindConditionOwner", "EndEvent_ConditionOwnerReminded");
        verify(followUp).remind(requestId, UUID.fromString(SECURITY_CONDITION));
        verify(followUp, never()).remind(requestId, UUID.fromString(OWN_CONDITION));
        conditionTask(instance, "Task_FulfilCondition", SECURITY_CONDITION);
    }

    @Test
    @DisplayName("Overdue: recorded and the coordinators told; the owner may still report it")
    void overdueTellsTheCoordinators() {
        ProcessInstance instance = approvedWithConditions(SECURITY_CONDITION);

        execute(conditionTimer(instance, "BoundaryEvent_ConditionOverdue", SECURITY_CONDITION));

        assertThat(instance).hasPassed("Task_RecordConditionOverdue", "EndEvent_ConditionOverdue");
        verify(followUp).recordOverdue(requestId, UUID.fromString(SECURITY_CONDITION));
        fulfil(instance, SECURITY_CONDITION);
        verifyCondition(instance, SECURITY_CONDITION, true);
        assertThat(instance).isEnded();
    }

    @Test
    @DisplayName("An escalation still open when the coordinator approves with conditions ends; the follow-up goes on")
    void approvalWithConditionsEndsAnOpenEscalation() {
        when(conditionTasks.ids(any())).thenReturn(List.of(SECURITY_CONDITION));
        condition(SECURITY_CONDITION, REQUESTER, "screening-security");
        ProcessInstance instance = submitAndAccept();
        when(screening.recordDeadlineMissed(requestId)).thenReturn(6);
        moveClockTo(DEADLINE.toInstant().plus(Duration.ofHours(2)));
        execute(job("BoundaryEvent_DeadlineMissed", instance));
        screenAll(instance, allApproved());
        assertThat(instance).isWaitingAtExactly("Task_HandleEscalation", "Task_Decide");

        complete(task("Task_Decide", instance), withVariables("decisionOutcome", "APPROVED_WITH_CONDITIONS", "decidedBy", COORDINATOR));

        assertThat(instance).hasPassed("BoundaryEvent_DecidedMeanwhile", "EndEvent_EscalationMoot")
                .hasNotPassed("EndEvent_EscalationHandled")
                .isWaitingAtExactly("SubProcess_ConditionFollowUp#multiInstanceBody", "SubProcess_ConditionFollowUp", "Task_FulfilCondition");
    }
}
