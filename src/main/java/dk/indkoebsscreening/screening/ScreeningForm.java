package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** An expert's screening of one area. */
public record ScreeningForm(
        @NotNull(message = "{screening.verdict.required}")
        Verdict verdict,

        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String findings,

        @Size(max = 20, message = "{screening.conditions.tooMany}")
        List<@NotBlank(message = "{screening.condition.blank}") @Size(max = 500, message = "{field.tooLong}") @PlainText String> conditions,

        /** Answers by question id; which ids and options are allowed is the area's checklist (ScreeningService). */
        Map<@PlainText String, @Size(max = 1000, message = "{field.tooLong}") @PlainText(multiline = true) String> checklist) {

    public ScreeningForm {
        conditions = conditions == null ? List.of() : conditions.stream().map(c -> c == null ? null : c.strip()).toList();
        checklist = checklist == null ? Map.of() : checklist;
    }

    /** The conditions one to a line, as the page's text area holds them. */
    public String conditionLines() {
        return String.join("\n", conditions);
    }
}
