package dk.indkoebsscreening.process;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of user task in the model, by task definition key; the six screening tasks have one key per
 * area ({@link Area#taskDefinitionKey()}).
 */
public enum TaskType {
    TRIAGE("Task_Triage", true),
    MORE_INFORMATION("Task_ProvideInformation", false),
    SCREENING(null, false),
    ESCALATION("Task_HandleEscalation", true),
    DECISION("Task_Decide", true),
    /** A system's contract comes up for renewal (bpmn/SystemRenewalProcess.bpmn). */
    RENEWAL(RenewalProcess.CONSIDER_TASK, true),
    /** The owner of a condition of an approval fulfils it and reports what was done. */
    FULFIL_CONDITION("Task_FulfilCondition", false),
    /** Whoever set a condition (an area's experts, or the coordinators for their own) verifies the report. */
    VERIFY_CONDITION("Task_VerifyCondition", false),
    /** The security group supervises a data processor of a registered system (ProcessorSupervisionProcess). */
    SUPERVISION("Task_SuperviseProcessor", false);

    private final String taskDefinitionKey;
    private final boolean coordinators;

    TaskType(String taskDefinitionKey, boolean coordinators) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.coordinators = coordinators;
    }

    /** Whether the model offers this kind of task to the coordinators (PurchaseScreeningModelTest holds it to the model). */
    public boolean forCoordinators() {
        return coordinators;
    }

    /** The kinds a coordinator and the experts work through in their inbox, in that order: what ends a request first. */
    public static List<TaskType> byUrgency() {
        return List.of(DECISION, ESCALATION, TRIAGE, SCREENING, FULFIL_CONDITION, VERIFY_CONDITION, RENEWAL, SUPERVISION);
    }

    /** The user task's id in the model; screening has one per area. */
    public String taskDefinitionKey() {
        if (this == SCREENING) {
            throw new IllegalStateException("Screening has a task per area: Area.taskDefinitionKey()");
        }
        return taskDefinitionKey;
    }

    public static TaskType of(String taskDefinitionKey) {
        if (Area.byTaskDefinitionKey(taskDefinitionKey).isPresent()) {
            return SCREENING;
        }
        return Arrays.stream(values())
                .filter(type -> type != SCREENING && type.taskDefinitionKey.equals(taskDefinitionKey))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown user task " + taskDefinitionKey));
    }
}
