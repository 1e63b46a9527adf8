package dk.indkoebsscreening.request;

import dk.indkoebsscreening.system.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The person at the vendor who answers the vendor's questionnaire, named by the requester. Never in an event: the
 * experts' invitation is the only thing that writes to this address.
 */
@Schema(description = "The vendor's contact for the vendor's questionnaire.", requiredProperties = {"name", "email"})
public record VendorContact(
        @NotBlank(message = "{request.vendorContact.name.required}")
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String name,

        @NotBlank(message = "{request.vendorContact.email.required}")
        @Size(max = EMAIL_LENGTH, message = "{field.tooLong}")
        @ContactEmail(message = "{request.vendorContact.email.invalid}")
        @Schema(format = "email")
        @PlainText
        String email) {

    /** The longest address SMTP carries (RFC 5321's path limit less its brackets). */
    public static final int EMAIL_LENGTH = 254;

    /** An address a mail can go to: something before one @, a domain with a dot after it, no spaces. */
    public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** Stored without the spaces around what was typed. */
    public VendorContact {
        name = name == null ? null : name.strip();
        email = email == null ? null : email.strip();
    }
}
