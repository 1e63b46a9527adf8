package dk.indkoebsscreening.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Every name shared by the code and {@code bpmn/SystemRenewalProcess.bpmn}, a registered system's renewal: its
 * business key is the system's id (RenewalProcessTest checks that the model reads no other variables).
 */
public final class RenewalProcess {

    public static final String PROCESS_KEY = "SystemRenewalProcess";
    /** Start variables: when the owner and the coordinators are told (the timer), and the notice deadline (the task's due date). */
    public static final String RENEWAL_DUE_AT = "renewalDueAt";
    public static final String NOTICE_DEADLINE = "noticeDeadline";
    /** Set by Task_ConsiderRenewal: a {@link RenewalChoice} name, routing the process. */
    public static final String RENEWAL_CHOICE = "renewalChoice";
    /** The message that ends a renewal whose dates changed or whose system was retired (SubProcess_Superseded). */
    public static final String SUPERSEDED_MESSAGE = "RenewalSuperseded";
    public static final String CONSIDER_TASK = "Task_ConsiderRenewal";

    private RenewalProcess() {
    }

    public static Map<String, Object> startVariables(Instant renewalDueAt, Instant noticeDeadline) {
        return Map.of(RENEWAL_DUE_AT, Date.from(renewalDueAt), NOTICE_DEADLINE, Date.from(noticeDeadline));
    }

    /** The system a renewal is about: its business key. */
    public static UUID systemId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    public static Map<String, Object> choiceVariables(RenewalChoice choice) {
        return Map.of(RENEWAL_CHOICE, choice.name());
    }
}
