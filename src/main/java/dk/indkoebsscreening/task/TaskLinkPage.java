package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.Links;
import dk.indkoebsscreening.web.PageController;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in a mail ({@link Links#taskOf}): leads to the open task of that kind (and area) on the request
 * that the user may work on, or, once nobody needs to act there any more, to the request.
 */
@PageController
class TaskLinkPage {

    private final WorkTaskService tasks;

    TaskLinkPage(WorkTaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping(Links.TASK_OF_REQUEST)
    String follow(@PathVariable UUID requestId, @RequestParam(name = "type", defaultValue = "") String type,
                  @RequestParam(name = "omraade", defaultValue = "") String area, Authentication authentication) {
        Optional<TaskType> kind = Inbox.Filter.parse(TaskType.class, type);
        Optional<Area> screened = Inbox.Filter.parse(Area.class, area);
        return tasks.openTasks(CurrentUser.of(authentication)).stream()
                .filter(task -> requestId.equals(task.requestId()))
                .filter(task -> kind.isEmpty() || task.type() == kind.get())
                .filter(task -> screened.isEmpty() || task.area() == screened.get())
                .findFirst()
                .map(task -> "redirect:/opgaver/" + task.id())
                .orElse("redirect:" + Links.request(requestId));
    }
}
