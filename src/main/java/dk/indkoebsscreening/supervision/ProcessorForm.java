package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.WithinYears;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A data processor as a coordinator or the security group enters or corrects it, on the page and in the API.
 *
 * @param nextDue the next supervision; a change re-times the supervision's timer
 */
public record ProcessorForm(
        @NotBlank(message = "{supervision.name.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        String name,

        @Pattern(regexp = "\\d{8}", message = "{supervision.cvr.format}")
        @PlainText
        String cvr,

        @NotBlank(message = "{supervision.processing.required}")
        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String processing,

        UUID subProcessorOf,

        @NotNull(message = "{supervision.method.required}")
        SupervisionMethod method,

        @NotNull(message = "{supervision.interval.required}")
        @Min(value = 1, message = "{supervision.interval.range}")
        @Max(value = 60, message = "{supervision.interval.range}")
        Integer intervalMonths,

        @NotNull(message = "{supervision.nextDue.required}")
        @WithinYears(value = 10, back = 10)
        LocalDate nextDue) {
}
