package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.process.SupervisionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_OpenSupervision}: the supervision fell due; the security group's task follows in the model. */
@Component
class OpenSupervisionDelegate implements JavaDelegate {

    private final ProcessorSupervision supervision;

    OpenSupervisionDelegate(ProcessorSupervision supervision) {
        this.supervision = supervision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        supervision.due(SupervisionProcess.systemId(execution), SupervisionProcess.processorId(execution));
    }
}
