package dk.indkoebsscreening.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs several calls on the engine's services as one engine command. Each service call is otherwise a
 * command of its own that reads the task, its execution and the process definition again and flushes on
 * its own; calls made inside {@link #run} join one command context, so a task step reads its task once
 * and writes everything in one flush (measured in BENCHMARKS.md).
 *
 * <p>The calls are the application's own step, which {@link EngineGate} lets through.
 *
 * <p>The application's own exceptions (bad input, conflicts, access) are carried out of the command
 * rather than thrown through it, because the engine would log them as errors; the caller's transaction,
 * which must exist, rolls back on them as usual. The engine's own exceptions pass through unchanged.
 *
 * <p>A person's whole step runs through {@link #step}, in a transaction of its own that is run again when it collided
 * with the engine's own work on the same process instance.
 */
@Component
public class EngineCommand {

    static final int STEP_ATTEMPTS = 3;

    private final CommandExecutor executor;
    private final TransactionTemplate transactions;

    EngineCommand(ProcessEngineConfigurationImpl configuration, PlatformTransactionManager transactionManager) {
        this.executor = configuration.getCommandExecutorTxRequired();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs a person's step (its lock, its engine calls, its own writes) in a transaction of its own, and again when it
     * collided with the engine's own work on the same process instance: a job (the screening's join) or a timer (the
     * reminder, the deadline) that changed an execution the step changes too. Camunda refuses the later of the two
     * flushes with an {@link OptimisticLockingException} and the step rolls back whole, events and mails included, so
     * running it again on what is now committed is safe; a step that finds its task gone then says so. Without it a
     * requester who withdrew while the join ran was told that someone else had taken the task. A step still colliding
     * after {@value #STEP_ATTEMPTS} attempts reports the conflict as before.
     */
    public void step(Runnable step) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A step needs transactions of its own; the caller holds one");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> step.run());
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == STEP_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public void run(Runnable work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An engine command joins the caller's transaction; there is none");
        }
        RuntimeException applicationFailure = EngineGate.asApplication(() -> executor.execute(context -> {
            try {
                work.run();
                return null;
            } catch (ProcessEngineException e) {
                throw e;
            } catch (RuntimeException e) {
                return e;
            }
        }));
        if (applicationFailure != null) {
            throw applicationFailure;
        }
    }
}
