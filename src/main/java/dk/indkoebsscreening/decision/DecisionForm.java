package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The coordinator's decision: the recommendation confirmed, or overridden with a reason; when approved with conditions,
 * what becomes of each condition an area set and the coordinator's own, which together are what the requester must
 * fulfil. Other outcomes carry no conditions: what is given for them is not kept.
 *
 * @param areaConditions one row per condition an area set ({@code ref} as {@code GET /api/tasks/{id}} lists them); left
 *                       out, every one is kept as set, owned by the requester and due before go-live
 */
public record DecisionForm(
        @NotNull(message = "{decision.outcome.required}")
        Verdict outcome,

        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String reason,

        @Size(max = 120, message = "{decision.conditions.tooMany}")
        List<@NotNull @Valid AreaCondition> areaConditions,

        @Size(max = 20, message = "{decision.conditions.tooMany}")
        List<@NotNull @Valid OwnCondition> ownConditions) {

    /**
     * What becomes of one condition an area set. Kept, its text may be reworded (then with a note why); merged, it goes
     * into the kept condition {@code mergeInto} names; dropped, it binds nobody. A merge and a drop need a note.
     *
     * @param owner the username of whoever must fulfil it; blank for the requester
     * @param due   the date it must be fulfilled by; blank for before go-live (the request's desired start date)
     */
    @Schema(name = "DecisionAreaCondition", description = "What becomes of one condition an area set.")
    public record AreaCondition(
            @Schema(description = "The area and the condition's place among those it set, from 1, as `areas[].conditions` of "
                    + "`GET /api/requests/{id}` lists them: `SECURITY-2` is the second condition security set.", example = "SECURITY-1")
            @NotNull(message = "{decision.condition.ref.required}")
            @Size(max = 40, message = "{field.tooLong}")
            @PlainText
            String ref,

            @NotNull(message = "{decision.condition.handling.required}")
            Handling handling,

            @Size(max = 500, message = "{field.tooLong}")
            @PlainText
            String text,

            @Size(max = 40, message = "{field.tooLong}")
            @PlainText
            String mergeInto,

            @Size(max = 1000, message = "{field.tooLong}")
            @PlainText
            String note,

            @Size(max = 100, message = "{field.tooLong}")
            @PlainText
            String owner,

            LocalDate due) {
    }

    /** A condition of the coordinator's own, e.g. "Indhent tilbud via SKI 02.19"; owner and due as an area's. */
    @Schema(name = "DecisionOwnCondition", description = "A condition the coordinator sets at the decision.")
    public record OwnCondition(
            @NotBlank(message = "{decision.condition.text.required}")
            @Size(max = 500, message = "{field.tooLong}")
            @PlainText
            String text,

            @Size(max = 100, message = "{field.tooLong}")
            @PlainText
            String owner,

            LocalDate due) {
    }

    /** KEEP: as set or reworded; MERGE: into another kept condition; DROP: binds nobody. */
    public enum Handling {
        KEEP, MERGE, DROP
    }
}
