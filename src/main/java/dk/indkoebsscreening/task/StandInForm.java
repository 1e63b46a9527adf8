package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A coordinator appoints a temporary stand-in for a group, both days included. */
public record StandInForm(
        @NotBlank(message = "{standIn.group.required}")
        @Size(max = 100, message = "{field.tooLong}")
        @PlainText
        String group,

        @NotBlank(message = "{standIn.username.required}")
        @Size(max = 100, message = "{field.tooLong}")
        @PlainText
        String username,

        @NotNull(message = "{standIn.from.required}")
        LocalDate from,

        @NotNull(message = "{standIn.to.required}")
        LocalDate to) {
}
