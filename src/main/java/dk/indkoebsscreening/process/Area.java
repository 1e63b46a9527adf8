package dk.indkoebsscreening.process;

import java.util.Arrays;
import java.util.Optional;

/** The six areas the expert group screens, each with its candidate group and its task in the model. */
public enum Area {
    SECURITY("screening-security", "Task_ScreenSecurity", "verdictSecurity"),
    USER_MANAGEMENT("screening-user-management", "Task_ScreenUserManagement", "verdictUserManagement"),
    SUPPORT("screening-support", "Task_ScreenSupport", "verdictSupport"),
    CONTRACT("screening-contract", "Task_ScreenContract", "verdictContract"),
    INSTALLATION("screening-installation", "Task_ScreenInstallation", "verdictInstallation"),
    IMPLEMENTATION("screening-implementation", "Task_ScreenImplementation", "verdictImplementation");

    private final String candidateGroup;
    private final String taskDefinitionKey;
    private final String verdictVariable;

    Area(String candidateGroup, String taskDefinitionKey, String verdictVariable) {
        this.candidateGroup = candidateGroup;
        this.taskDefinitionKey = taskDefinitionKey;
        this.verdictVariable = verdictVariable;
    }

    public String candidateGroup() {
        return candidateGroup;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    /** Process variable that carries this area's verdict to the recommendation table. */
    public String verdictVariable() {
        return verdictVariable;
    }

    public static Optional<Area> byTaskDefinitionKey(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(area -> area.taskDefinitionKey.equals(taskDefinitionKey)).findFirst();
    }
}
