package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The task steps the modules implement, one per kind of task (a missing or a second one, or a record a page cannot
 * fill, stops the start), and how a task's input reaches its step: the API's JSON body and the page's form bound to
 * the step's one record, checked alike.
 */
@Component
class TaskSteps {

    private final Map<TaskType, TaskStep<?>> steps = new EnumMap<>(TaskType.class);
    private final FormBinder binder;

    TaskSteps(List<TaskStep<?>> steps, FormBinder binder) {
        this.binder = binder;
        steps.forEach(step -> {
            if (this.steps.put(step.type(), step) != null) {
                throw new IllegalStateException("Two task steps for " + step.type());
            }
            binder.requirePageForm(step.form());
        });
        for (TaskType type : TaskType.values()) {
            if (!this.steps.containsKey(type)) {
                throw new IllegalStateException("No task step for " + type + ": a module implements TaskStep for each kind of task");
            }
        }
    }

    TaskStep<?> of(TaskType type) {
        return steps.get(type);
    }

    TaskStep<?> of(String taskDefinitionKey) {
        return of(TaskType.of(taskDefinitionKey));
    }

    /** What a task was completed with, bound to its step's record once the task (and so the step) is known. */
    interface Input {
        <F extends Record> F bind(FormBinder binder, Class<F> type, Function<F, List<FieldProblem>> rules);
    }

    static Input json(JsonNode body) {
        return new Input() {
            @Override
            public <F extends Record> F bind(FormBinder binder, Class<F> type, Function<F, List<FieldProblem>> rules) {
                return binder.bind(body, type, rules);
            }
        };
    }

    static Input page(MultiValueMap<String, String> form) {
        return new Input() {
            @Override
            public <F extends Record> F bind(FormBinder binder, Class<F> type, Function<F, List<FieldProblem>> rules) {
                return binder.bindForm(form, type, rules);
            }
        };
    }

    /** Binds and checks the input, records the step; returns the variables the task's completion sets. */
    Map<String, Object> complete(String taskDefinitionKey, UUID requestId, Input input, String username) {
        return complete(of(taskDefinitionKey), taskDefinitionKey, requestId, input, username);
    }

    private <F extends Record> Map<String, Object> complete(TaskStep<F> step, String taskDefinitionKey, UUID requestId, Input input,
                                                            String username) {
        F form = input.bind(binder, step.form(), bound -> step.problems(requestId, taskDefinitionKey, bound));
        return step.complete(requestId, taskDefinitionKey, form, username);
    }

    /** The step's form as its page shows it: as posted (unchecked), or blank; filled in where the step proposes something. */
    Record shown(TaskStep<?> step, UUID requestId, MultiValueMap<String, String> form) {
        return shownAs(step, requestId, form);
    }

    private <F extends Record> F shownAs(TaskStep<F> step, UUID requestId, MultiValueMap<String, String> form) {
        return step.shown(requestId, binder.shownForm(form, step.form()));
    }

    /** What the page says once the task is done; the form as posted, which was accepted. */
    String savedMessage(TaskStep<?> step, String reference, String taskDefinitionKey, MultiValueMap<String, String> form) {
        return savedMessageAs(step, reference, taskDefinitionKey, form);
    }

    private <F extends Record> String savedMessageAs(TaskStep<F> step, String reference, String taskDefinitionKey,
                                                     MultiValueMap<String, String> form) {
        return step.savedMessage(reference, taskDefinitionKey, binder.shownForm(form, step.form()));
    }
}
