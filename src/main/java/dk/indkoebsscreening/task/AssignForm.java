package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom to hand a task to: a user id. */
public record AssignForm(
        @NotBlank(message = "{task.assign.notMember}")
        @Size(max = 100, message = "{field.tooLong}")
        @PlainText
        String assignee) {
}
