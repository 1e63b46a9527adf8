package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Lifecycle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Engine calls joined into one command: the application's exception comes out as itself and undoes them. A person's
 * step that collides with other work on the same process instance runs again on what was committed.
 */
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

    @Test
    void aStepThatLostARealCollisionRunsAgainAndWins() {
        String requestId = api.submit("anna", "Kollision").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        AtomicInteger attempts = new AtomicInteger();

        engine.step(() -> engine.run(() -> {
            taskService.createTaskQuery().taskId(triage).singleResult();
            if (attempts.incrementAndGet() == 1) {
                // Someone else changes the task after the step read it, and commits first.
                CompletableFuture.runAsync(() -> taskService.setAssignee(triage, "bent"))
                        .join();
            }
            taskService.setAssignee(triage, Lifecycle.COORDINATOR);
        }));

        assertThat(attempts).as("the first attempt lost to the other change").hasValue(2);
        assertThat(taskService.createTaskQuery().taskId(triage).singleResult().getAssignee()).isEqualTo(Lifecycle.COORDINATOR);
    }

    @Test
    void aStepThatKeepsCollidingReportsTheConflictAfterItsAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> engine.step(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingException("always");
        })).isInstanceOf(OptimisticLockingException.class);

        assertThat(attempts).hasValue(EngineCommand.STEP_ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRunAgain() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> engine.step(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void aStepRefusesToRunInsideTheCallersTransaction() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> engine.step(() -> { })))
                .isInstanceOf(IllegalStateException.class);
    }
}
