package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.system.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The owner's report that a condition is fulfilled.
 *
 * @param files the request's files that show it (added first, with the condition's task id), by id (a text, as a page's
 *              check boxes send it)
 */
@Schema(description = "What was done to fulfil the condition, and the request's files that show it.")
public record ReportForm(
        @NotBlank(message = "{followup.report.required}")
        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        @Schema(description = "What was done.", example = "Databehandleraftalen er underskrevet af begge parter.")
        String text,

        @Size(max = 20, message = "{followup.report.tooManyFiles}")
        @Schema(description = "Ids of the request's files that show it; they stay the request's files.")
        List<@PlainText @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "{followup.report.unknownFile}") String> files) {

    public ReportForm {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
