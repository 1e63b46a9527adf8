package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.system.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The colleague who owns a condition from now on, by user id. */
@Schema(description = "The colleague who fulfils the condition from now on.")
public record OwnerForm(
        @NotBlank(message = "{followup.owner.required}")
        @Size(max = 255, message = "{field.tooLong}")
        @PlainText
        @Schema(description = "The colleague's user id.", example = "bo")
        String owner) {
}
