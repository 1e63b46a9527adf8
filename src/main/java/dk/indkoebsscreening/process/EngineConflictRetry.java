package dk.indkoebsscreening.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a person's step again, in a fresh transaction, when it collided with the engine's own work on the same
 * process instance (the job of the screening's join, a timer): Camunda refuses the later of the two flushes with an
 * {@link OptimisticLockingException} and the step rolls back whole, events and mails included, so running it again
 * on what is now committed is safe. Without it a requester who withdrew while the join of a just-screened area ran
 * was told that someone else had taken the task. A step still colliding after {@value #ATTEMPTS} attempts reports
 * the conflict as before.
 */
@Component
public class EngineConflictRetry {

    static final int ATTEMPTS = 3;

    private final TransactionTemplate transactions;

    EngineConflictRetry(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public void run(Runnable step) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A retried step needs transactions of its own; the caller holds one");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> step.run());
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
