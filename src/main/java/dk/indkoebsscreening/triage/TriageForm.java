package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The coordinator's triage. The comment is the question to the requester when more information is
 * needed, and the reason when the request is rejected (out of scope, or already covered by a
 * system the municipality has); both require it.
 */
public record TriageForm(
        @NotNull(message = "{triage.outcome.required}")
        TriageOutcome outcome,

        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String comment) {
}
