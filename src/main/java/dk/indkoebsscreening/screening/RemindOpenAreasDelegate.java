package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.ScreeningProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RemindOpenAreas}: one working day before the deadline. */
@Component
class RemindOpenAreasDelegate implements JavaDelegate {

    private final ScreeningService screening;

    RemindOpenAreasDelegate(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        screening.remindOpenAreas(ScreeningProcess.requestId(execution));
    }
}
