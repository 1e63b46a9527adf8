package dk.indkoebsscreening.task;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The period a user will be away. */
public record AbsenceForm(
        @NotNull(message = "{absence.from.required}")
        LocalDate from,

        @NotNull(message = "{absence.to.required}")
        LocalDate to) {
}
