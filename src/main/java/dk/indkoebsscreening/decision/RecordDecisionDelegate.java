package dk.indkoebsscreening.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordDecision} and {@code Task_RecordTriageRejection}: records and publishes the decision. */
@Component
class RecordDecisionDelegate implements JavaDelegate {

    private final DecisionService decisions;
    private final JsonCodec json;

    RecordDecisionDelegate(DecisionService decisions, JsonCodec json) {
        this.decisions = decisions;
        this.json = json;
    }

    private static final TypeReference<ConditionPlan> PLAN = new TypeReference<>() {
    };

    @Override
    public void execute(DelegateExecution execution) {
        decisions.record(
                ScreeningProcess.requestId(execution),
                Verdict.valueOf(ScreeningProcess.string(execution, ScreeningProcess.DECISION_OUTCOME)),
                ScreeningProcess.string(execution, ScreeningProcess.DECISION_REASON),
                ScreeningProcess.string(execution, ScreeningProcess.DECIDED_BY),
                execution.getVariable(ScreeningProcess.DECISION_CONDITIONS) instanceof byte[] conditions
                        ? json.read(new String(conditions, StandardCharsets.UTF_8), PLAN) : null);
    }
}
