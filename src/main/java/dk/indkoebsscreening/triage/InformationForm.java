package dk.indkoebsscreening.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The requester's answer to the coordinator's question. */
public record InformationForm(
        @NotBlank(message = "{information.answer.required}")
        @Size(max = 4000, message = "{field.tooLong}")
        String answer) {
}
