package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.ScreeningProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_AcceptFastTrack}: accepts the proposed scope by the rule, in triage's place; its variables open the areas. */
@Component
class AcceptFastTrackDelegate implements JavaDelegate {

    private final TriageService triage;

    AcceptFastTrackDelegate(TriageService triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(triage.acceptByRule(ScreeningProcess.requestId(execution),
                ScreeningProcess.string(execution, ScreeningProcess.HANDLING_RULE)));
    }
}
