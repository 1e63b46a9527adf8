package dk.indkoebsscreening.request;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Names shared between the code and {@code bpmn/PurchaseScreeningProcess.bpmn}. */
public final class ScreeningProcess {

    public static final String PROCESS_KEY = "PurchaseScreeningProcess";
    public static final String REQUESTER = "requester";

    private ScreeningProcess() {
    }

    /** The business key of every instance is the request's id. */
    public static UUID requestId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    public static UUID requestId(DelegateTask task) {
        return requestId(task.getExecution());
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
