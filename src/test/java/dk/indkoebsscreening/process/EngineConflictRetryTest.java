package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** A step that collides with other work on the same process instance runs again on what was committed. */
class EngineConflictRetryTest extends ApiTestBase {

    @Autowired
    EngineConflictRetry retry;
    @Autowired
    EngineCommand engine;
    @Autowired
    TaskService taskService;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aStepThatLostARealCollisionRunsAgainAndWins() {
        String requestId = api.submit("anna", "Kollision").get("id").asText();
        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        AtomicInteger attempts = new AtomicInteger();

        retry.run(() -> engine.run(() -> {
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

        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingException("always");
        })).isInstanceOf(OptimisticLockingException.class);

        assertThat(attempts).hasValue(EngineConflictRetry.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRunAgain() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void itRefusesToRunInsideTheCallersTransaction() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> retry.run(() -> { })))
                .isInstanceOf(IllegalStateException.class);
    }
}
