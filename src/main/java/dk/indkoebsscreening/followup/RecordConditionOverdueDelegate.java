package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.process.ScreeningProcess;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordConditionOverdue}: the condition's due date passed while its owner had it. */
@Component
class RecordConditionOverdueDelegate implements JavaDelegate {

    private final ConditionFollowUp followUp;

    RecordConditionOverdueDelegate(ConditionFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUp.recordOverdue(ScreeningProcess.requestId(execution),
                UUID.fromString(ScreeningProcess.string(execution, ScreeningProcess.CONDITION_ID)));
    }
}
