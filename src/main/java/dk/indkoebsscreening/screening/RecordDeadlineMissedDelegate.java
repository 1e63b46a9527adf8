package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.ScreeningProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordDeadlineMissed}: the deadline passed; {@code Gateway_AnyAreaOpen} routes on the open areas. */
@Component
class RecordDeadlineMissedDelegate implements JavaDelegate {

    private final ScreeningService screening;

    RecordDeadlineMissedDelegate(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int openAreas = screening.recordDeadlineMissed(ScreeningProcess.requestId(execution));
        execution.setVariable(ScreeningProcess.OPEN_AREAS_AT_DEADLINE, openAreas);
    }
}
