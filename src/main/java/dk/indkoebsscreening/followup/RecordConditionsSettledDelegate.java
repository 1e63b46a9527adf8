package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.process.ScreeningProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordConditionsSettled}: every condition is verified or waived. */
@Component
class RecordConditionsSettledDelegate implements JavaDelegate {

    private final ConditionFollowUp followUp;

    RecordConditionsSettledDelegate(ConditionFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUp.recordSettled(ScreeningProcess.requestId(execution));
    }
}
