package dk.indkoebsscreening.register;

import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.WithinYears;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A coordinator's entry or correction of a registered system; everything but the name may be unknown.
 *
 * @param noticeMonths how many months before the contract's end notice must be given
 * @param owner        the username of who answers for the system
 */
public record SystemForm(
        @NotBlank(message = "{register.name.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        String name,

        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        String localName,

        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        String vendor,

        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        String department,

        @DecimalMin(value = "0", message = "{request.cost.negative}")
        @DecimalMax(value = "999999999999", message = "{request.cost.tooLarge}")
        @Digits(integer = 12, fraction = 2, message = "{request.cost.format}")
        BigDecimal contractValueDkk,

        @Min(value = 1, message = "{request.contractYears.range}")
        @Max(value = 20, message = "{request.contractYears.range}")
        Integer contractYears,

        PersonalData personalData,

        Hosting hosting,

        UUID kitosUuid,

        @Size(max = 100, message = "{field.tooLong}")
        @PlainText
        String localId,

        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String note,

        @WithinYears(value = 10, back = 50)
        LocalDate contractStart,

        @WithinYears(value = 30, back = 50)
        LocalDate contractEnd,

        @Min(value = 0, message = "{register.noticeMonths.range}")
        @Max(value = 60, message = "{register.noticeMonths.range}")
        Integer noticeMonths,

        @Size(max = 100, message = "{field.tooLong}")
        @PlainText
        String owner) {
}
