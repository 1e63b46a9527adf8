package dk.indkoebsscreening.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every name shared by the code and {@code bpmn/PurchaseScreeningProcess.bpmn} and
 * {@code bpmn/ScreeningRecommendation.dmn}: the keys and the process variables (PurchaseScreeningModelTest
 * checks that the models read no other). The areas' task keys and verdict variables are in {@link Area}, the
 * user tasks' keys in {@link TaskType}.
 */
public final class ScreeningProcess {

    public static final String PROCESS_KEY = "PurchaseScreeningProcess";
    public static final String RECOMMENDATION_DECISION_KEY = "Decision_ScreeningRecommendation";

    /** Start variables: who asked (the question task's assignee), and the reference operators search by. */
    public static final String REQUESTER = "requester";
    public static final String REFERENCE = "reference";
    /** Start variables: the timers of the screening (dates). */
    public static final String DEADLINE = "deadline";
    public static final String REMINDER_AT = "reminderAt";

    /** Set by triage: a {@link TriageOutcome} name, routing the process. */
    public static final String TRIAGE_OUTCOME = "triageOutcome";
    /** Set by triage (a rejection) or the decision task, read when the decision is recorded. */
    public static final String DECISION_OUTCOME = "decisionOutcome";
    public static final String DECISION_REASON = "decisionReason";
    public static final String DECIDED_BY = "decidedBy";
    /** The six areas' verdicts as a list, the recommendation table's input (built by Task_RecommendDecision). */
    public static final String VERDICTS = "verdicts";
    /** The recommendation table's result: a {@link Verdict} name. */
    public static final String RECOMMENDATION = "recommendation";
    /** Set when the deadline passes: how many areas were still open. */
    public static final String OPEN_AREAS_AT_DEADLINE = "openAreasAtDeadline";

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
