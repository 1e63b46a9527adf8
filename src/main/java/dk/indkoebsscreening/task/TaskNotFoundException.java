package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.NotFoundException;

/** No open task with that id: it never existed or has been completed. */
public class TaskNotFoundException extends NotFoundException {

    public TaskNotFoundException(String taskId) {
        super("No open task " + taskId);
    }
}
