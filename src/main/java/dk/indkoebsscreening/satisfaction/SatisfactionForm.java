package dk.indkoebsscreening.satisfaction;

import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The requester's answer: how satisfied (1-5), what could be better, and whether the steering report leaves out their name. */
public record SatisfactionForm(
        @NotNull(message = "{satisfaction.score.required}")
        @Min(value = 1, message = "{satisfaction.score.required}")
        @Max(value = 5, message = "{satisfaction.score.required}")
        Integer score,

        @Size(max = SatisfactionForm.COMMENT_LENGTH, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String comment,

        boolean anonymous) {

    static final int COMMENT_LENGTH = 2000;

    public SatisfactionForm {
        comment = Text.orNull(comment);
    }
}
