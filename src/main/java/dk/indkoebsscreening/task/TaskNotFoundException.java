package dk.indkoebsscreening.task;

/** No open task with that id: it never existed or has been completed. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("No open task " + taskId);
    }
}
