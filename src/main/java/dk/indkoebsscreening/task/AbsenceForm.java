package dk.indkoebsscreening.task;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The period a user will be away.
 *
 * @param standIn the user id of a present colleague of the user's groups who takes their tasks; null or blank: the
 *                tasks go back to the group
 */
public record AbsenceForm(
        @NotNull(message = "{absence.from.required}")
        LocalDate from,

        @NotNull(message = "{absence.to.required}")
        LocalDate to,

        @Size(max = 100, message = "{field.tooLong}")
        @PlainText
        String standIn) {
}
