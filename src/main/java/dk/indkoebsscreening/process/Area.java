package dk.indkoebsscreening.process;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six areas the expert group can screen, each with its candidate group and its task in the model. The scope
 * decided at triage opens some or all of them.
 */
public enum Area {
    SECURITY("screening-security", "Task_ScreenSecurity", "Security"),
    USER_MANAGEMENT("screening-user-management", "Task_ScreenUserManagement", "UserManagement"),
    SUPPORT("screening-support", "Task_ScreenSupport", "Support"),
    CONTRACT("screening-contract", "Task_ScreenContract", "Contract"),
    INSTALLATION("screening-installation", "Task_ScreenInstallation", "Installation"),
    IMPLEMENTATION("screening-implementation", "Task_ScreenImplementation", "Implementation");

    private final String candidateGroup;
    private final String taskDefinitionKey;
    private final String variableSuffix;

    Area(String candidateGroup, String taskDefinitionKey, String variableSuffix) {
        this.candidateGroup = candidateGroup;
        this.taskDefinitionKey = taskDefinitionKey;
        this.variableSuffix = variableSuffix;
    }

    /** The municipality's own experts of this area. */
    public String candidateGroup() {
        return candidateGroup;
    }

    /**
     * The shared IT-service organisation's experts of this area, who screen it for every municipality that routes the
     * area to them.
     */
    public String sharedCandidateGroup() {
        return "shared-" + candidateGroup;
    }

    /** The group that screens this area for a municipality that does ({@code shared}) or does not route it on. */
    public String candidateGroup(boolean shared) {
        return shared ? sharedCandidateGroup() : candidateGroup;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    /** Process variable that carries this area's verdict to the recommendation table. */
    public String verdictVariable() {
        return "verdict" + variableSuffix;
    }

    /** Process variable (boolean) set at triage: whether this area screens the request, the fork's condition. */
    public String scopeVariable() {
        return "inScope" + variableSuffix;
    }

    public static Optional<Area> byTaskDefinitionKey(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(area -> area.taskDefinitionKey.equals(taskDefinitionKey)).findFirst();
    }
}
