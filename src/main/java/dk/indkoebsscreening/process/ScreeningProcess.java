package dk.indkoebsscreening.process;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every name shared by the code and {@code bpmn/PurchaseScreeningProcess.bpmn} and
 * {@code bpmn/ScreeningRecommendation.dmn} and {@code bpmn/ScreeningScope.dmn}: the keys and the process variables (PurchaseScreeningModelTest
 * checks that the models read no other). The areas' task keys and verdict variables are in {@link Area}, the
 * user tasks' keys in {@link TaskType}.
 */
public final class ScreeningProcess {

    public static final String PROCESS_KEY = "PurchaseScreeningProcess";
    public static final String RECOMMENDATION_DECISION_KEY = "Decision_ScreeningRecommendation";
    /** The risk-based scope, evaluated at submission: first the flags, then the areas (given whether it is a fast track). */
    public static final String SCOPE_FLAGS_DECISION_KEY = "Decision_ScreeningFlags";
    public static final String SCOPE_AREAS_DECISION_KEY = "Decision_ScreeningAreas";
    /** The scope tables' inputs and outputs. */
    public static final String SCOPE_PERSONAL_DATA = "personalData";
    public static final String SCOPE_HOSTING = "hosting";
    public static final String SCOPE_EXPECTED_USERS = "expectedUsers";
    public static final String SCOPE_HAS_INTEGRATIONS = "hasIntegrations";
    public static final String SCOPE_CONTRACT_VALUE = "contractValueDkk";
    public static final String SCOPE_ABOVE_EU_THRESHOLD = "aboveEuThreshold";
    /** The municipality's policy figures the scope table compares with (its settings, not literals in the table). */
    public static final String SCOPE_DPIA_MIN_USERS = "dpiaMinUsers";
    public static final String SCOPE_FAST_TRACK_MAX_VALUE = "fastTrackMaxValueDkk";
    public static final String SCOPE_FAST_TRACK = "fastTrack";
    public static final String SCOPE_FLAG = "flag";
    public static final String SCOPE_AREA = "area";
    /**
     * How a request is handled, evaluated at submission after the flags (given whether it is a fast track and its
     * hosting): its outputs, the last three also start variables that route the process.
     */
    public static final String HANDLING_DECISION_KEY = "Decision_FastTrackHandling";
    public static final String HANDLING_DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
    public static final String SKIP_TRIAGE = "skipTriage";
    public static final String AUTOMATIC_DECISION = "automaticDecision";
    public static final String HANDLING_RULE = "handlingRule";

    /** Start variables: who asked (the question task's assignee), and the reference operators search by. */
    public static final String REQUESTER = "requester";
    public static final String REFERENCE = "reference";
    /** Start variables: the timers of the screening (dates). */
    public static final String DEADLINE = "deadline";
    public static final String REMINDER_AT = "reminderAt";
    /** The timers set from {@link #REMINDER_AT} and {@link #DEADLINE} when the screening starts, moved by a pause. */
    public static final String REMINDER_TIMER = "BoundaryEvent_ReminderDue";
    public static final String DEADLINE_TIMER = "BoundaryEvent_DeadlineMissed";

    /** Set by triage: a {@link TriageOutcome} name, routing the process. */
    public static final String TRIAGE_OUTCOME = "triageOutcome";
    /** Set by triage (a rejection) or the decision task, read when the decision is recorded. */
    public static final String DECISION_OUTCOME = "decisionOutcome";
    public static final String DECISION_REASON = "decisionReason";
    public static final String DECIDED_BY = "decidedBy";
    /** Who decided a request the rules decided (a fast track every area approved without conditions). */
    public static final String DECIDED_BY_RULES = "RULES";
    /** Set by the decision task: the conditions it binds, as JSON in bytes (longer than a string variable may be). */
    public static final String DECISION_CONDITIONS = "decisionConditions";
    /**
     * The six areas' verdicts as a list, the recommendation table's input (built by Task_RecommendDecision); an
     * area outside the scope has {@link #NOT_RELEVANT}, which the table ignores.
     */
    public static final String VERDICTS = "verdicts";
    /** The recommendation table's result: a {@link Verdict} name. */
    public static final String RECOMMENDATION = "recommendation";
    /** The verdict variable of an area the scope leaves out. */
    public static final String NOT_RELEVANT = "NOT_RELEVANT";
    /** The message that starts the interrupting withdrawal (SubProcess_Withdrawal), with who and why. */
    public static final String WITHDRAWAL_MESSAGE = "RequestWithdrawn";
    public static final String WITHDRAWN_BY = "withdrawnBy";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    /** Set when the deadline passes: how many areas were still open. */
    public static final String OPEN_AREAS_AT_DEADLINE = "openAreasAtDeadline";

    /**
     * The follow-up of an approval's conditions (SubProcess_ConditionFollowUp), one parallel instance per condition: the
     * instance's condition id ({@link #CONDITION_ID}, its element variable); the bean ({@link #CONDITION_TASKS}) the
     * model asks, for the condition as it is now, who fulfils it, who verifies it and when it is due and reminded.
     */
    public static final String CONDITION_ID = "conditionId";
    public static final String CONDITION_TASKS = "conditionTasks";
    /**
     * The bean ({@link ScreeningGroups}) the model asks which group screens an area (and verifies its conditions) for the
     * instance's municipality.
     */
    public static final String SCREENING_GROUPS = "screeningGroups";
    /** Set by the verifier's step: whether the report was accepted (or the condition sent back to its owner). */
    public static final String CONDITION_VERIFIED = "conditionVerified";
    /** The message that ends one condition's follow-up when a coordinator waives it, correlated by {@link #CONDITION_ID}. */
    public static final String CONDITION_WAIVED_MESSAGE = "ConditionWaived";

    private ScreeningProcess() {
    }

    /** The variables a request's process starts with, in one place for the application and the model tests. */
    public static Map<String, Object> startVariables(String requester, String reference, Instant deadline, Instant reminderAt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REQUESTER, requester);
        variables.put(REFERENCE, reference);
        variables.put(DEADLINE, Date.from(deadline));
        variables.put(REMINDER_AT, Date.from(reminderAt));
        return variables;
    }

    /** How the scope tables said the request is handled (Decision_FastTrackHandling), as start variables. */
    public static Map<String, Object> handlingVariables(boolean skipTriage, boolean automaticDecision, String rule) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(SKIP_TRIAGE, skipTriage);
        variables.put(AUTOMATIC_DECISION, automaticDecision);
        variables.put(HANDLING_RULE, rule);
        return variables;
    }

    /** The decision a coordinator (or a rejection at triage) records, as process variables. */
    public static Map<String, Object> decisionVariables(Verdict outcome, String reason, String decidedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION_OUTCOME, outcome.name());
        if (reason != null) {
            variables.put(DECISION_REASON, reason);
        }
        variables.put(DECIDED_BY, decidedBy);
        return variables;
    }

    /**
     * The scope confirmed at triage as process variables: each area's condition on the fork, and the verdict
     * {@link #NOT_RELEVANT} for an area left out, so that the recommendation still reads all six.
     */
    public static Map<String, Object> scopeVariables(Collection<Area> inScope) {
        Map<String, Object> variables = new HashMap<>();
        for (Area area : Area.values()) {
            variables.put(area.scopeVariable(), inScope.contains(area));
            if (!inScope.contains(area)) {
                variables.put(area.verdictVariable(), NOT_RELEVANT);
            }
        }
        return variables;
    }

    /** The business key of every instance is the request's id. */
    public static UUID requestId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    public static UUID requestId(DelegateTask task) {
        return requestId(task.getExecution());
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
