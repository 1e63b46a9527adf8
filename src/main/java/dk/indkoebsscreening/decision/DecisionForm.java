package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The coordinator's decision: the recommendation confirmed, or overridden with a reason. */
public record DecisionForm(
        @NotNull(message = "{decision.outcome.required}")
        Verdict outcome,

        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String reason) {
}
