package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.ScreeningProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_DecideByRules}: records the approval the rule in {@code handlingRule} takes. */
@Component
class DecideByRulesDelegate implements JavaDelegate {

    private final DecisionService decisions;

    DecideByRulesDelegate(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.decideByRule(ScreeningProcess.requestId(execution), ScreeningProcess.string(execution, ScreeningProcess.HANDLING_RULE));
    }
}
