package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.Verdict;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordDecision} and {@code Task_RecordTriageRejection}: records and publishes the decision. */
@Component
class RecordDecisionDelegate implements JavaDelegate {

    private final DecisionService decisions;

    RecordDecisionDelegate(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.record(
                ScreeningProcess.requestId(execution),
                Verdict.valueOf(ScreeningProcess.string(execution, ScreeningProcess.DECISION_OUTCOME)),
                ScreeningProcess.string(execution, ScreeningProcess.DECISION_REASON),
                ScreeningProcess.string(execution, ScreeningProcess.DECIDED_BY));
    }
}
