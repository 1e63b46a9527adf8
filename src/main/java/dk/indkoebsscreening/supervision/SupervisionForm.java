package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The security group's supervision of a data processor: the conclusion and what was looked at. */
public record SupervisionForm(
        @NotNull(message = "{supervision.result.required}")
        SupervisionResult result,

        @NotBlank(message = "{supervision.evidence.required}")
        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String evidence) {
}
