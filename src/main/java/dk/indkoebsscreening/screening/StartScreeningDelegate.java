package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.ScreeningProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_StartScreening}: opens the areas in scope. */
@Component
class StartScreeningDelegate implements JavaDelegate {

    private final ScreeningService screening;

    StartScreeningDelegate(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        screening.start(ScreeningProcess.requestId(execution));
    }
}
