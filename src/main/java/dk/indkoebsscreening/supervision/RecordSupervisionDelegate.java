package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.process.SupervisionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordSupervision}: records the supervision the task completed with, and sets the next date's timer. */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

    private final ProcessorSupervision supervision;

    RecordSupervisionDelegate(ProcessorSupervision supervision) {
        this.supervision = supervision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(supervision.record(
                SupervisionProcess.systemId(execution),
                SupervisionProcess.processorId(execution),
                new SupervisionForm(
                        SupervisionResult.valueOf((String) execution.getVariable(SupervisionProcess.SUPERVISION_RESULT)),
                        (String) execution.getVariable(SupervisionProcess.SUPERVISION_EVIDENCE)),
                (String) execution.getVariable(SupervisionProcess.SUPERVISED_BY)));
    }
}
