package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.Tenancy;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An administrator's new municipality or change of one's settings, from the page or the API: validated alike. The id is
 * chosen once, at creation; a change names the municipality by its address and may repeat its id but not change it.
 * The mail sender and the events' source are checked further by {@link MunicipalitySettings}.
 */
public record MunicipalityForm(
        @Pattern(regexp = Tenancy.ID_PATTERN, message = "{municipality.id.pattern}")
        @PlainText
        String id,

        @NotBlank(message = "{municipality.name.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        String name,

        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        String logoText,

        @Pattern(regexp = "\\d{8}", message = "{municipality.cvr.pattern}")
        @PlainText
        String cvr,

        @NotBlank(message = "{municipality.mailSender.required}")
        @Size(max = 320, message = "{field.tooLong}")
        @PlainText
        String mailSender,

        UUID kitosOrganisationUuid,

        @NotNull(message = "{municipality.dpiaMinUsers.required}")
        @Min(value = 1, message = "{municipality.dpiaMinUsers.range}")
        @Max(value = 10_000_000, message = "{municipality.dpiaMinUsers.range}")
        Integer dpiaMinUsers,

        @NotNull(message = "{municipality.fastTrackMaxValueDkk.required}")
        @DecimalMin(value = "0", message = "{request.cost.negative}")
        @DecimalMax(value = "999999999999", message = "{request.cost.tooLarge}")
        @Digits(integer = 12, fraction = 2, message = "{request.cost.format}")
        BigDecimal fastTrackMaxValueDkk,

        @Email(message = "{municipality.accessibilityContact.email}")
        @Size(max = 320, message = "{field.tooLong}")
        @PlainText
        String accessibilityContact,

        @NotBlank(message = "{municipality.eventsSource.required}")
        @Size(max = 500, message = "{field.tooLong}")
        @PlainText
        String eventsSource,

        @Size(max = 50, message = "{municipality.groupMailboxes.tooMany}")
        Map<@Size(min = 1, max = 64, message = "{field.tooLong}") @PlainText String,
            @NotBlank @Email(message = "{municipality.groupMailbox.email}") @Size(max = 320, message = "{field.tooLong}") @PlainText String> groupMailboxes,

        Set<Area> sharedAreas) {

    public MunicipalityForm {
        groupMailboxes = groupMailboxes == null ? Map.of() : groupMailboxes;
        sharedAreas = sharedAreas == null ? Set.of() : sharedAreas;
    }

    /** The municipality's settings as they are, with these areas routed to the shared organisation's experts. */
    public static MunicipalityForm of(Municipality municipality, Set<Area> sharedAreas) {
        return new MunicipalityForm(municipality.id(), municipality.name(), municipality.logoText(), municipality.cvr(),
                municipality.mailSender(), municipality.kitosOrganisationUuid(), municipality.dpiaMinUsers(),
                municipality.fastTrackMaxValueDkk(), municipality.accessibilityContact(), municipality.eventsSource().toString(),
                municipality.groupMailboxes(), sharedAreas);
    }
}
