package dk.indkoebsscreening.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Every name shared by the code and {@code bpmn/ProcessorSupervisionProcess.bpmn}: one instance per data processor,
 * its business key the registered system's id (so the inbox shows its task as about that system). The user task's key
 * is {@link TaskType#SUPERVISION}'s.
 */
public final class SupervisionProcess {

    public static final String PROCESS_KEY = "ProcessorSupervisionProcess";
    /** The data processor the instance supervises (a UUID as text). */
    public static final String PROCESSOR_ID = "processorId";
    /** When the next supervision is due (a date): the timer's, set at the start, on each supervision and by a new date. */
    public static final String NEXT_SUPERVISION_AT = "nextSupervisionAt";
    /** Set by the supervision task, read when the supervision is recorded (Task_RecordSupervision). */
    public static final String SUPERVISION_RESULT = "supervisionResult";
    public static final String SUPERVISION_EVIDENCE = "supervisionEvidence";
    public static final String SUPERVISED_BY = "supervisedBy";
    /** A new date while the instance waits for the next supervision: the timer is set again. */
    public static final String RESCHEDULED_MESSAGE = "SupervisionRescheduled";
    /** The processor was removed or its system retired: the supervision ends, an open task with it. */
    public static final String ENDED_MESSAGE = "SupervisionEnded";

    private SupervisionProcess() {
    }

    public static Map<String, Object> startVariables(UUID processorId, Instant nextSupervisionAt) {
        Map<String, Object> variables = new HashMap<>(nextSupervision(nextSupervisionAt));
        variables.put(PROCESSOR_ID, processorId.toString());
        return variables;
    }

    /** The variables that set the timer of the next supervision. */
    public static Map<String, Object> nextSupervision(Instant at) {
        return Map.of(NEXT_SUPERVISION_AT, Date.from(at));
    }

    /** What the security group's task records, as process variables. */
    public static Map<String, Object> supervisionVariables(String result, String evidence, String supervisedBy) {
        return Map.of(SUPERVISION_RESULT, result, SUPERVISION_EVIDENCE, evidence, SUPERVISED_BY, supervisedBy);
    }

    public static UUID systemId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    public static UUID processorId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(PROCESSOR_ID));
    }
}
