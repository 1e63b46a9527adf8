package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An expert's question to the requester from the screening of their area. */
public record QuestionForm(
        @NotBlank(message = "{question.text.required}")
        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String question) {
}
