package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.process.ScreeningProcess;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RemindConditionOwner}: the configured working days before the condition's due date. */
@Component
class RemindConditionOwnerDelegate implements JavaDelegate {

    private final ConditionFollowUp followUp;

    RemindConditionOwnerDelegate(ConditionFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUp.remind(ScreeningProcess.requestId(execution),
                UUID.fromString(ScreeningProcess.string(execution, ScreeningProcess.CONDITION_ID)));
    }
}
