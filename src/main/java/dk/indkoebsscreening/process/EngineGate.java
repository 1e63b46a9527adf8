package dk.indkoebsscreening.process;

import java.util.function.Supplier;

/**
 * Who is calling the process engine on this thread, for {@link EngineGatePlugin}. A thread serving
 * an HTTP request is an <em>outside caller</em> (Camunda's REST API and webapps run there), except
 * while it runs one of the application's own steps. Other threads (the job executor, start-up,
 * scheduled work) run the model and the application and are not outside callers.
 *
 * <p>Completing a user task is narrower still: only the application's task step may do it, for the
 * one task it is completing, on any thread.
 */
public final class EngineGate {

    private static final ThreadLocal<Boolean> OUTSIDE_CALLER = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> APPLICATION_STEP = new ThreadLocal<>();
    private static final ThreadLocal<String> COMPLETING_TASK = new ThreadLocal<>();

    private EngineGate() {
    }

    /**
     * Marks the thread as handling an HTTP request until the scope is closed: engine calls in it are an
     * outside caller's unless the application makes them.
     */
    public static Scope httpRequest() {
        Boolean before = OUTSIDE_CALLER.get();
        OUTSIDE_CALLER.set(Boolean.TRUE);
        return () -> restore(OUTSIDE_CALLER, before);
    }

    /** Runs engine calls as the application's own step, which the gate lets through. */
    public static <T> T asApplication(Supplier<T> step) {
        Boolean before = APPLICATION_STEP.get();
        APPLICATION_STEP.set(Boolean.TRUE);
        try {
            return step.get();
        } finally {
            restore(APPLICATION_STEP, before);
        }
    }

    /** Completes a user task as the application's task step: the only way the model lets a task complete. */
    public static void completingTask(String taskId, Runnable completion) {
        String before = COMPLETING_TASK.get();
        COMPLETING_TASK.set(taskId);
        try {
            completion.run();
        } finally {
            restore(COMPLETING_TASK, before);
        }
    }

    static boolean isOutsideCaller() {
        return Boolean.TRUE.equals(OUTSIDE_CALLER.get()) && !Boolean.TRUE.equals(APPLICATION_STEP.get());
    }

    static boolean isCompletingTask(String taskId) {
        return taskId != null && taskId.equals(COMPLETING_TASK.get());
    }

    private static <T> void restore(ThreadLocal<T> holder, T before) {
        if (before == null) {
            holder.remove();
        } else {
            holder.set(before);
        }
    }

    /** Restores, when closed, what was there when it was opened. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
