package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A task's form saved half-done ("Gem kladde") for a step that keeps drafts ({@link TaskStep#keepsDrafts()}): kept with
 * the claim, so saving takes the task, and shown only to its author while the task is theirs; nobody else, no API and
 * no event sees it. It is deleted when the task is completed, released or handed over (a colleague starts from the
 * form, not from someone else's half-done thoughts); a task that went back to its group another way (an absence) hides
 * it, as its author no longer holds the claim, and the next save replaces it. Its fields are bounded like the step's
 * form, only nothing is required yet.
 */
@Service
class TaskDrafts {

    /** More fields than any step's form has: a bound on what a draft can hold, not a rule of a form. */
    static final int MAX_FIELDS = 100;
    static final int MAX_VALUES_PER_FIELD = 20;

    private final WorkTaskService tasks;
    private final TaskSteps steps;
    private final FormBinder binder;
    private final DraftStore store;
    private final Clock clock;

    TaskDrafts(WorkTaskService tasks, TaskSteps steps, FormBinder binder, DraftStore store, Clock clock) {
        this.tasks = tasks;
        this.steps = steps;
        this.binder = binder;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public void save(String taskId, MultiValueMap<String, String> posted, CurrentUser user) {
        UUID requestId = tasks.lockRequestOf(taskId);
        Task task = tasks.openTask(taskId);
        tasks.authorize(task, user);
        TaskStep<?> step = steps.of(task.getTaskDefinitionKey());
        if (!step.keepsDrafts()) {
            throw new TaskNotFoundException(taskId);
        }
        WorkTaskService.requireNotClaimedByOthers(task, user);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(posted);
        form.remove("_csrf");
        if (form.size() > MAX_FIELDS || form.values().stream().anyMatch(values -> values.size() > MAX_VALUES_PER_FIELD)) {
            throw InvalidInputException.of("draft", "task.draft.tooLarge");
        }
        binder.checkBoundsOnly(form, step.form());
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user);
        }
        store.save(taskId, requestId, user.username(), form, clock.instant());
    }

    /** The user's draft of the task, if the task is theirs and they saved one. */
    public Optional<DraftStore.Draft> of(WorkTask task, CurrentUser user) {
        return task.assignedTo(user.username()) ? store.find(task.id(), user.username()) : Optional.empty();
    }
}
