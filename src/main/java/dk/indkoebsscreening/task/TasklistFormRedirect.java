package dk.indkoebsscreening.task;

import dk.indkoebsscreening.web.PageController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every user task's form key in the model. Tasklist is for administrators only (staff, experts and
 * coordinators work in this application's inbox) and links a task here as an external form with
 * {@code ?taskId=}: the administrator sees the task's request, read-only. Steps are taken by the
 * people whose task it is, on this application's pages.
 */
@PageController
class TasklistFormRedirect {

    private final WorkTaskService tasks;

    TasklistFormRedirect(WorkTaskService tasks) {
        this.tasks = tasks;
    }

    /** Only administrators reach this (SecurityConfiguration), and they may read every request. */
    @GetMapping("/fra-tasklist")
    String open(@RequestParam String taskId) {
        return "redirect:" + tasks.linkOf(taskId);
    }
}
