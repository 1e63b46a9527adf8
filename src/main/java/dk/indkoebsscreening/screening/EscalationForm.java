package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the coordinator did about a missed deadline (chased the experts, agreed a new date, ...). */
public record EscalationForm(
        @NotBlank(message = "{escalation.comment.required}")
        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String comment) {
}
