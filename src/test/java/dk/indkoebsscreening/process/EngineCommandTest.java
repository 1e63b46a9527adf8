package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Engine calls joined into one command: the application's exception comes out as itself and undoes them. */
class EngineCommandTest extends ApiTestBase {

    @Autowired
    EngineCommand engine;
    @Autowired
    TaskService taskService;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void anApplicationExceptionRollsBackWhatTheEngineDidInTheCommand() {
        String requestId = api.submit("anna", "Rulles tilbage").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                engine.run(() -> {
                    taskService.setAssignee(triage, Lifecycle.COORDINATOR);
                    throw new ConflictException("stopped after the engine call");
                })))
                .isInstanceOf(ConflictException.class)
                .hasMessage("stopped after the engine call");

        assertThat(taskService.createTaskQuery().taskId(triage).singleResult().getAssignee()).isNull();
    }

    @Test
    void itRefusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> engine.run(() -> { }))
                .isInstanceOf(IllegalStateException.class);
    }
}
