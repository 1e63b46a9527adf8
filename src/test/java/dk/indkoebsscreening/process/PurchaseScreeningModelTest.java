package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dk.indkoebsscreening.security.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Static checks of {@code bpmn/PurchaseScreeningProcess.bpmn}: naming conventions, save points, and agreement with the code. */
class PurchaseScreeningModelTest {

    private static BpmnModelInstance model;
    private static Process process;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream bpmn = resource("bpmn/PurchaseScreeningProcess.bpmn")) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        Bpmn.validateModel(model);
        process = model.getModelElementById(ScreeningProcess.PROCESS_KEY);
    }

    private static InputStream resource(String name) {
        InputStream stream = PurchaseScreeningModelTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(stream).as(name + " on the classpath").isNotNull();
        return stream;
    }

    private static <T extends BaseElement> Collection<T> all(Class<T> type) {
        return model.getModelElementsByType(type);
    }

    @Test
    @DisplayName("Process id PurchaseScreeningProcess (ends in Process, names the file), executable, historyTimeToLive set")
    void processIdAndHistoryTimeToLive() {
        assertThat(process).as("process " + ScreeningProcess.PROCESS_KEY).isNotNull();
        assertThat(process.getId()).endsWith("Process");
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(all(Process.class)).hasSize(1);
    }

    @Test
    @DisplayName("Every task id starts with Task_, gateway Gateway_, boundary event BoundaryEvent_, and so on")
    void technicalIds() {
        assertThat(all(Task.class)).isNotEmpty().allSatisfy(task -> assertThat(task.getId()).startsWith("Task_"));
        assertThat(all(Gateway.class)).isNotEmpty().allSatisfy(gateway -> assertThat(gateway.getId()).startsWith("Gateway_"));
        assertThat(all(BoundaryEvent.class)).isNotEmpty()
                .allSatisfy(event -> assertThat(event.getId()).startsWith("BoundaryEvent_"));
        assertThat(all(StartEvent.class)).allSatisfy(event -> assertThat(event.getId()).startsWith("StartEvent_"));
        assertThat(all(EndEvent.class)).allSatisfy(event -> assertThat(event.getId()).startsWith("EndEvent_"));
        assertThat(all(SequenceFlow.class)).allSatisfy(flow -> assertThat(flow.getId()).startsWith("Flow_"));
        assertThat(all(SubProcess.class)).allSatisfy(sub -> assertThat(sub.getId()).startsWith("SubProcess_"));
        assertThat(all(Group.class)).isNotEmpty().allSatisfy(group -> assertThat(group.getId()).startsWith("Group_"));
    }

    @Test
    @DisplayName("The join of the screenings is an inclusive gateway with asyncBefore (a save point) that waits for the areas opened")
    void joinIsASavePoint() {
        BaseElement join = model.getModelElementById("Gateway_ScreeningJoin");
        assertThat(join).isInstanceOf(InclusiveGateway.class);
        InclusiveGateway gateway = (InclusiveGateway) join;
        assertThat(gateway.isCamundaAsyncBefore()).isTrue();
        assertThat(gateway.getIncoming()).hasSize(Area.values().length);
    }

    @Test
    @DisplayName("The fork opens each area's task on the area's scope variable, and only there")
    void forkOpensTheAreasInScope() {
        BaseElement fork = model.getModelElementById("Gateway_ScreeningFork");
        assertThat(fork).isInstanceOf(InclusiveGateway.class);
        Map<String, String> conditions = ((InclusiveGateway) fork).getOutgoing().stream().collect(Collectors.toMap(
                flow -> flow.getTarget().getId(), flow -> flow.getConditionExpression().getTextContent()));
        assertThat(conditions).hasSize(Area.values().length);
        for (Area area : Area.values()) {
            assertThat(conditions).containsEntry(area.taskDefinitionKey(), "${" + area.scopeVariable() + "}");
        }
    }

    @Test
    @DisplayName("Each Area has its screening user task, whose group the municipality's routing names")
    void screeningTasksMatchTheAreas() {
        Map<String, UserTask> userTasks = all(UserTask.class).stream()
                .collect(Collectors.toMap(UserTask::getId, Function.identity()));
        for (Area area : Area.values()) {
            assertThat(userTasks).containsKey(area.taskDefinitionKey());
            assertThat(userTasks.get(area.taskDefinitionKey()).getCamundaCandidateGroups())
                    .isEqualTo("${" + ScreeningProcess.SCREENING_GROUPS + ".of('" + area.name() + "')}");
            assertThat(userTasks.get(area.taskDefinitionKey()).getParentElement())
                    .isEqualTo(model.getModelElementById("SubProcess_Screening"));
        }
    }

    @Test
    @DisplayName("Every user task is known to TaskType, so the inbox can show it")
    void everyUserTaskHasATaskType() {
        assertThat(all(UserTask.class)).hasSize(12).allSatisfy(task ->
                assertThatCode(() -> TaskType.of(task.getId())).doesNotThrowAnyException());
        assertThat(TaskType.of("Task_Triage")).isEqualTo(TaskType.TRIAGE);
        assertThat(TaskType.of("Task_ProvideInformation")).isEqualTo(TaskType.MORE_INFORMATION);
        assertThat(TaskType.of("Task_HandleEscalation")).isEqualTo(TaskType.ESCALATION);
        assertThat(TaskType.of("Task_Decide")).isEqualTo(TaskType.DECISION);
        assertThat(TaskType.of("Task_FulfilCondition")).isEqualTo(TaskType.FULFIL_CONDITION);
        assertThat(TaskType.of("Task_VerifyCondition")).isEqualTo(TaskType.VERIFY_CONDITION);
    }

    @Test
    @DisplayName("TaskType says which kinds of task the model offers the coordinators")
    void coordinatorTasksAreTheModels() {
        assertThat(all(UserTask.class)).allSatisfy(task -> assertThat(TaskType.of(task.getId()).forCoordinators())
                .as(task.getId()).isEqualTo(Groups.COORDINATORS.equals(task.getCamundaCandidateGroups())));
    }

    @Test
    @DisplayName("Every task of the expert group (triage, six screenings, escalation, decision) is due at the request's ${deadline}")
    void everyExpertGroupTaskHasTheRequestsDeadline() {
        assertThat(all(UserTask.class).stream().filter(task -> task.getCamundaCandidateGroups() != null)
                .filter(task -> !task.getId().equals("Task_VerifyCondition"))) // after the decision: no deadline of the screening
                .hasSize(9).allSatisfy(task -> assertThat(task.getCamundaDueDate()).as(task.getId()).isEqualTo("${deadline}"));
    }

    @Test
    @DisplayName("A condition's tasks ask ConditionTasks for its owner, due date and verifiers, as the condition is now")
    void conditionTasksReadTheConditionAsItIsNow() {
        UserTask fulfil = model.getModelElementById("Task_FulfilCondition");
        assertThat(fulfil.getCamundaAssignee()).isEqualTo("${conditionTasks.owner(conditionId)}");
        assertThat(fulfil.getCamundaDueDate()).isEqualTo("${conditionTasks.due(conditionId)}");
        UserTask verify = model.getModelElementById("Task_VerifyCondition");
        assertThat(verify.getCamundaCandidateGroups()).isEqualTo("${conditionTasks.verifiers(conditionId)}");
        SubProcess followUp = model.getModelElementById("SubProcess_ConditionFollowUp");
        assertThat(followUp.getLoopCharacteristics()).isInstanceOfSatisfying(MultiInstanceLoopCharacteristics.class, loop -> {
            assertThat(loop.isSequential()).as("the conditions are followed up side by side").isFalse();
            assertThat(loop.getCamundaElementVariable()).isEqualTo(ScreeningProcess.CONDITION_ID);
            assertThat(loop.getCamundaCollection()).isEqualTo("${conditionTasks.ids(execution)}");
        });
    }

    @Test
    @DisplayName("The two timers are non-interrupting boundary events of the screening subprocess, at ${reminderAt} and ${deadline}")
    void timersDoNotInterruptTheScreening() {
        Map<String, BoundaryEvent> events = all(BoundaryEvent.class).stream()
                .collect(Collectors.toMap(BoundaryEvent::getId, Function.identity()));
        assertThat(events).containsOnlyKeys("BoundaryEvent_ReminderDue", "BoundaryEvent_DeadlineMissed",
                "BoundaryEvent_ConditionReminder", "BoundaryEvent_ConditionOverdue", "BoundaryEvent_DecidedMeanwhile");
        assertThat(List.of(events.get("BoundaryEvent_ReminderDue"), events.get("BoundaryEvent_DeadlineMissed"))).allSatisfy(event -> {
            assertThat(event.cancelActivity()).as(event.getId() + " cancelActivity").isFalse();
            assertThat(event.getAttachedTo().getId()).isEqualTo("SubProcess_Screening");
        });
        assertThat(timeDate(events.get("BoundaryEvent_ReminderDue"))).isEqualTo("${reminderAt}");
        assertThat(timeDate(events.get("BoundaryEvent_DeadlineMissed"))).isEqualTo("${deadline}");
    }

    @Test
    @DisplayName("A condition's reminder and overdue timers do not interrupt its owner's task; the decision ends an open escalation")
    void conditionTimersDoNotInterruptTheOwnersTask() {
        for (String id : List.of("BoundaryEvent_ConditionReminder", "BoundaryEvent_ConditionOverdue")) {
            BoundaryEvent event = model.getModelElementById(id);
            assertThat(event.cancelActivity()).as(id + " cancelActivity").isFalse();
            assertThat(event.getAttachedTo().getId()).isEqualTo("Task_FulfilCondition");
        }
        assertThat(timeDate((BoundaryEvent) model.getModelElementById("BoundaryEvent_ConditionReminder")))
                .isEqualTo("${conditionTasks.remindAt(conditionId)}");
        assertThat(timeDate((BoundaryEvent) model.getModelElementById("BoundaryEvent_ConditionOverdue")))
                .isEqualTo("${conditionTasks.due(conditionId)}");
        BoundaryEvent decided = model.getModelElementById("BoundaryEvent_DecidedMeanwhile");
        assertThat(decided.cancelActivity()).isTrue();
        assertThat(decided.getAttachedTo().getId()).isEqualTo("Task_HandleEscalation");
        assertThat(decided.getEventDefinitions()).singleElement().isInstanceOfSatisfying(ConditionalEventDefinition.class,
                conditional -> assertThat(conditional.getCamundaVariableName()).isEqualTo(ScreeningProcess.DECISION_OUTCOME));
    }

    @Test
    @DisplayName("A waiver is an interrupting event sub-process of one condition's instance, started by the shared message name")
    void waiverEndsOneCondition() {
        SubProcess waived = model.getModelElementById("SubProcess_ConditionWaived");
        assertThat(waived.triggeredByEvent()).isTrue();
        assertThat(waived.getParentElement()).isEqualTo(model.getModelElementById("SubProcess_ConditionFollowUp"));
        StartEvent start = model.getModelElementById("StartEvent_ConditionWaived");
        assertThat(start.isInterrupting()).isTrue();
        MessageEventDefinition message = (MessageEventDefinition) start.getEventDefinitions().iterator().next();
        assertThat(message.getMessage().getName()).isEqualTo(ScreeningProcess.CONDITION_WAIVED_MESSAGE);
    }

    private static String timeDate(BoundaryEvent event) {
        TimerEventDefinition timer = (TimerEventDefinition) event.getEventDefinitions().iterator().next();
        return timer.getTimeDate().getTextContent().strip();
    }

    @Test
    @DisplayName("The decision's end event terminates, so an open escalation cannot outlive the decision")
    void decisionEndTerminates() {
        EndEvent decided = model.getModelElementById("EndEvent_RequestDecided");
        assertThat(decided.getEventDefinitions()).singleElement().isInstanceOf(TerminateEventDefinition.class);
    }

    @Test
    @DisplayName("Service tasks and the listener use the six delegate beans the tests register")
    void delegateExpressions() {
        Set<String> expressions = all(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression).collect(Collectors.toSet());
        assertThat(expressions).containsExactlyInAnyOrder("${startScreeningDelegate}", "${remindOpenAreasDelegate}",
                "${recordDeadlineMissedDelegate}", "${recordDecisionDelegate}", "${recordWithdrawalDelegate}",
                "${remindConditionOwnerDelegate}", "${recordConditionOverdueDelegate}", "${recordConditionsSettledDelegate}",
                "${acceptFastTrackDelegate}", "${decideByRulesDelegate}");
        UserTask decide = model.getModelElementById("Task_Decide");
        assertThat(decide.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list())
                .singleElement()
                .satisfies(listener -> {
                    assertThat(listener.getCamundaEvent()).isEqualTo("create");
                    assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${recordRecommendationListener}");
                });
    }

    @Test
    @DisplayName("The business rule task calls the DMN decision, which has historyTimeToLive")
    void recommendationDecision() throws IOException {
        BusinessRuleTask recommend = model.getModelElementById("Task_RecommendDecision");
        DmnModelInstance dmn;
        try (InputStream stream = resource("bpmn/ScreeningRecommendation.dmn")) {
            dmn = Dmn.readModelFromStream(stream);
        }
        Decision decision = dmn.getModelElementById(recommend.getCamundaDecisionRef());
        assertThat(decision).as("decision " + recommend.getCamundaDecisionRef()).isNotNull();
        assertThat(decision.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(recommend.getCamundaMapDecisionResult()).isEqualTo("singleEntry");
        assertThat(recommend.getCamundaDecisionRef()).isEqualTo(ScreeningProcess.RECOMMENDATION_DECISION_KEY);
        assertThat(recommend.getCamundaResultVariable()).isEqualTo(ScreeningProcess.RECOMMENDATION);
    }

    @Test
    @DisplayName("Every variable the models' expressions read is a name ScreeningProcess or Area defines")
    void theModelsUseOnlyTheSharedNames() throws Exception {
        Set<String> shared = new HashSet<>();
        for (Field field : ScreeningProcess.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                shared.add((String) field.get(null));
            }
        }
        Arrays.stream(Area.values()).map(Area::verdictVariable).forEach(shared::add);
        Arrays.stream(Area.values()).map(Area::scopeVariable).forEach(shared::add);
        Set<String> beans = Set.of("startScreeningDelegate", "remindOpenAreasDelegate", "recordDeadlineMissedDelegate",
                "recordDecisionDelegate", "recordRecommendationListener", "recordWithdrawalDelegate",
                "remindConditionOwnerDelegate", "recordConditionOverdueDelegate", "recordConditionsSettledDelegate",
                "acceptFastTrackDelegate", "decideByRulesDelegate", ScreeningProcess.CONDITION_TASKS,
                // Camunda's own name for the current execution, which ConditionTasks.ids reads the request from
                "execution");
        Set<String> read = new HashSet<>();
        for (String name : List.of("bpmn/PurchaseScreeningProcess.bpmn", "bpmn/ScreeningRecommendation.dmn", "bpmn/ScreeningScope.dmn")) {
            String xml;
            try (InputStream stream = resource(name)) {
                xml = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
            // ${...} in the process, list contains(x, ...) and plain input expressions (<text>x</text>) in the tables
            Matcher expression = Pattern.compile("\\$\\{([^}]*)}|list contains\\((\\w+)|<inputExpression[^>]*><text>(\\w+)</text>").matcher(xml);
            while (expression.find()) {
                // A bean's method (conditionTasks.owner(...)) is the bean's, not a variable
                String text = expression.group(1) != null ? expression.group(1).replaceAll("'[^']*'", "").replaceAll("\\.\\w+", "")
                        : expression.group(2) != null ? expression.group(2) : expression.group(3);
                Matcher identifier = Pattern.compile("[A-Za-z_]\\w*").matcher(text);
                while (identifier.find()) {
                    read.add(identifier.group());
                }
            }
        }
        read.removeAll(Set.of("gt", "lt", "eq", "ne", "and", "or", "not", "empty", "true", "false", "null"));

        assertThat(read).isNotEmpty().allSatisfy(name -> assertThat(shared.contains(name) || beans.contains(name))
                .as(name + " is defined in ScreeningProcess or Area, or is a delegate bean").isTrue());
    }

    @Test
    @DisplayName("Every activity has incoming and outgoing sequence flows: nothing is orphaned or a dead end")
    void everyActivityIsConnected() {
        // An event sub-process has no flows by definition: its start event triggers it.
        assertThat(all(Activity.class)).isNotEmpty().filteredOn(activity -> !(activity instanceof SubProcess sub && sub.triggeredByEvent()))
                .allSatisfy(activity -> {
            assertThat(activity.getIncoming()).as(activity.getId() + " incoming").isNotEmpty();
            assertThat(activity.getOutgoing()).as(activity.getId() + " outgoing").isNotEmpty();
        });
    }

    @Test
    @DisplayName("Flows meet only at a gateway: no activity has two incoming flows (an implicit join)")
    void joinsAreGateways() {
        assertThat(all(Activity.class)).allSatisfy(activity ->
                assertThat(activity.getIncoming()).as(activity.getId() + " incoming").hasSizeLessThanOrEqualTo(1));
        Gateway merge = model.getModelElementById("Gateway_TriageMerge");
        assertThat(merge.getIncoming()).extracting(flow -> flow.getSource().getId())
                .containsExactlyInAnyOrder("Gateway_FastTrack", "Task_ProvideInformation");
        assertThat(merge.getOutgoing()).extracting(flow -> flow.getTarget().getId()).containsExactly("Task_Triage");
        Gateway toScreening = model.getModelElementById("Gateway_ScreeningMerge");
        assertThat(toScreening.getIncoming()).extracting(flow -> flow.getSource().getId())
                .containsExactlyInAnyOrder("Gateway_TriageOutcome", "Task_AcceptFastTrack");
        assertThat(toScreening.getOutgoing()).extracting(flow -> flow.getTarget().getId()).containsExactly("Task_StartScreening");
    }

    @Test
    @DisplayName("Every gateway that splits asks its question in a name, and every flow with a condition names its answer")
    void decisionsReadWithoutTheExpressions() {
        assertThat(all(Gateway.class)).filteredOn(gateway -> gateway.getOutgoing().size() > 1)
                .isNotEmpty().allSatisfy(gateway -> assertThat(gateway.getName()).as(gateway.getId()).isNotBlank());
        assertThat(all(SequenceFlow.class)).filteredOn(flow -> flow.getConditionExpression() != null)
                .isNotEmpty().allSatisfy(flow -> assertThat(flow.getName()).as(flow.getId()).isNotBlank());
    }

    @Test
    @DisplayName("The withdrawal is an interrupting event sub-process started by the shared message name")
    void withdrawalInterruptsEverything() {
        SubProcess withdrawal = model.getModelElementById("SubProcess_Withdrawal");
        assertThat(withdrawal.triggeredByEvent()).isTrue();
        StartEvent start = model.getModelElementById("StartEvent_RequestWithdrawn");
        assertThat(start.isInterrupting()).isTrue();
        MessageEventDefinition message = (MessageEventDefinition) start.getEventDefinitions().iterator().next();
        assertThat(message.getMessage().getName()).isEqualTo(ScreeningProcess.WITHDRAWAL_MESSAGE);
        assertThat(withdrawal.getParentElement()).as("at the process level, so it ends every task and timer")
                .isInstanceOf(Process.class);
    }
}
