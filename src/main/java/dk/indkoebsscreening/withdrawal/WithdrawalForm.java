package dk.indkoebsscreening.withdrawal;

import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.Size;

/** Why the requester withdraws; optional. */
public record WithdrawalForm(
        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String reason) {
}
