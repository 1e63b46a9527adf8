package dk.indkoebsscreening.task;

import dk.indkoebsscreening.screening.Area;
import java.util.Map;

/** The kinds of user task in the model, by task definition key. */
public enum TaskType {
    TRIAGE,
    MORE_INFORMATION,
    SCREENING,
    ESCALATION,
    DECISION;

    private static final Map<String, TaskType> BY_KEY = Map.of(
            "Task_Triage", TRIAGE,
            "Task_ProvideInformation", MORE_INFORMATION,
            "Task_HandleEscalation", ESCALATION,
            "Task_Decide", DECISION);

    public static TaskType of(String taskDefinitionKey) {
        if (Area.byTaskDefinitionKey(taskDefinitionKey).isPresent()) {
            return SCREENING;
        }
        TaskType type = BY_KEY.get(taskDefinitionKey);
        if (type == null) {
            throw new IllegalArgumentException("Unknown user task " + taskDefinitionKey);
        }
        return type;
    }
}
