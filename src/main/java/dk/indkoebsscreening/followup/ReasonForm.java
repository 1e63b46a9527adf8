package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.system.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a condition is sent back to its owner, or waived: required, and told to its owner. */
@Schema(description = "Why; required.")
public record ReasonForm(
        @NotBlank(message = "{followup.reason.required}")
        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        @Schema(example = "Aftalen mangler underskrift fra leverandøren.")
        String reason) {
}
