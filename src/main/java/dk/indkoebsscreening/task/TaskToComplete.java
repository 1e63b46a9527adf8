package dk.indkoebsscreening.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.indkoebsscreening.process.TaskStep;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An open task with what its completion takes, so that an API caller can fill the body without reading our code.
 *
 * @param form      the name of the completion body's schema in the OpenAPI document ({@code components.schemas})
 * @param questions what the body answers besides that schema's fields (a screening's checklist, a decision's area
 *                  conditions), by its step
 */
@Schema(requiredProperties = {"id", "type", "subject", "subjectId", "label", "link", "created", "form", "questions"})
record TaskToComplete(@JsonUnwrapped WorkTask task, String form, List<TaskStep.Question> questions) {

    static TaskToComplete of(WorkTask task, TaskStep<?> step) {
        return new TaskToComplete(task, step.form().getSimpleName(), step.questions(task.requestId(), task.taskDefinitionKey()));
    }
}
