package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final WorkTaskService tasks;
    private final HandOver handOver;
    private final FormBinder binder;

    TaskController(WorkTaskService tasks, HandOver handOver, FormBinder binder) {
        this.tasks = tasks;
        this.handOver = handOver;
        this.binder = binder;
    }

    @GetMapping
    List<WorkTask> openTasks(Authentication authentication) {
        return tasks.openTasks(CurrentUser.of(authentication));
    }

    @GetMapping("/{id}")
    WorkTask task(@PathVariable String id, Authentication authentication) {
        return tasks.find(id, CurrentUser.of(authentication));
    }

    @PostMapping("/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id, Authentication authentication) {
        tasks.claim(id, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id, Authentication authentication) {
        tasks.unclaim(id, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    /** {@code {assignee}}: a member of the task's group; the one who has claimed it, or a coordinator. */
    @PostMapping("/{id}/assign")
    ResponseEntity<Void> assign(@PathVariable String id, @BindsTo(AssignForm.class) @RequestBody(required = false) JsonNode body,
                                Authentication authentication) {
        handOver.assign(id, binder.bind(body, AssignForm.class).assignee(), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    /** The body of the task's step ({@link TaskStep#form()}), the same record its page's form binds to. */
    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id,
                                  @BindsTo(stepsOf = TaskStep.class) @RequestBody(required = false) JsonNode body,
                                  Authentication authentication) {
        tasks.complete(id, body, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
