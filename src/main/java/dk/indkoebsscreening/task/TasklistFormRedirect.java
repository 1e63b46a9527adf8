package dk.indkoebsscreening.task;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.PageController;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every user task's form key in the model: Camunda Tasklist links it as an external form with
 * {@code ?taskId=}, so a task opened in Tasklist is worked on this application's page, where the
 * step is validated and recorded, rather than completed in Tasklist without either.
 */
@PageController
class TasklistFormRedirect {

    private final WorkTaskService tasks;

    TasklistFormRedirect(WorkTaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/fra-tasklist")
    String open(@RequestParam String taskId, Authentication authentication) {
        WorkTask task = tasks.find(taskId, CurrentUser.of(authentication));
        return task.type() == TaskType.MORE_INFORMATION
                ? "redirect:/anmodninger/" + task.requestId()
                : "redirect:/opgaver/" + task.id();
    }
}
