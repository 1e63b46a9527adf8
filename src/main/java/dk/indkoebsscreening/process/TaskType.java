package dk.indkoebsscreening.process;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of user task in the model, by task definition key; the six screening tasks have one key per
 * area ({@link Area#taskDefinitionKey()}).
 */
public enum TaskType {
    TRIAGE("Task_Triage"),
    MORE_INFORMATION("Task_ProvideInformation"),
    SCREENING(null),
    ESCALATION("Task_HandleEscalation"),
    DECISION("Task_Decide");

    private final String taskDefinitionKey;

    TaskType(String taskDefinitionKey) {
        this.taskDefinitionKey = taskDefinitionKey;
    }

    /** The kinds a coordinator and the experts work through in their inbox, in that order: what ends a request first. */
    public static List<TaskType> byUrgency() {
        return List.of(DECISION, ESCALATION, TRIAGE, SCREENING);
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
