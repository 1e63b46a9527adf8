package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The requester's answer to the coordinator's question. */
public record InformationForm(
        @NotBlank(message = "{information.answer.required}")
        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String answer) {
}
