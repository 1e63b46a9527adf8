package dk.indkoebsscreening.register;

import dk.indkoebsscreening.process.RenewalChoice;
import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The coordinators' answer when a system's contract comes up for renewal.
 *
 * @param note why; required to renew as it is (what the renewal rests on without a new screening)
 */
public record RenewalForm(
        @NotNull(message = "{renewal.choice.required}")
        RenewalChoice choice,

        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String note) {
}
