package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.request.ScreeningProcess;
import dk.indkoebsscreening.screening.Verdict;
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
                Verdict.valueOf(ScreeningProcess.string(execution, "decisionOutcome")),
                ScreeningProcess.string(execution, "decisionReason"),
                ScreeningProcess.string(execution, "decidedBy"));
    }
}
