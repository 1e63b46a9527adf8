package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The coordinator's triage. The comment is the question to the requester when more information is
 * needed, and the reason when the request is rejected (out of scope, or already covered by a
 * system the municipality has); both require it. Accepting confirms the proposed scope, or changes it:
 * {@code areas} and {@code flags} left out (null) keep the proposal; a scope other than the proposal needs
 * {@code scopeReason}, which is also recorded for each area left out. The {@code note} is the coordinator's own, for
 * whoever triages the request again; it goes to nobody else.
 */
public record TriageForm(
        @NotNull(message = "{triage.outcome.required}")
        TriageOutcome outcome,

        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String comment,

        // Each at most once: a longer list is not a scope (and would cost its length in every check of it).
        @Size(max = 6, message = "{triage.scope.tooMany}")
        List<@NotNull Area> areas,

        @Size(max = 6, message = "{triage.scope.tooMany}")
        List<@NotNull ScopeFlag> flags,

        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String scopeReason,

        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String note) {

    public TriageForm(TriageOutcome outcome, String comment) {
        this(outcome, comment, null, null, null, null);
    }
}
