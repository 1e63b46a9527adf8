package dk.indkoebsscreening.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
 */
@Component
public class EngineCommand {

    private final CommandExecutor executor;

    EngineCommand(ProcessEngineConfigurationImpl configuration) {
        this.executor = configuration.getCommandExecutorTxRequired();
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
