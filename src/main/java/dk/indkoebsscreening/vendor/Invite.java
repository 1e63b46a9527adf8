package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.request.ContactEmail;
import dk.indkoebsscreening.request.PurchaseRequestForm;
import dk.indkoebsscreening.request.VendorContact;
import dk.indkoebsscreening.system.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An invitation of the vendor's contact to answer, from an expert or coordinator (page or API). Its address follows the
 * request form's rule ({@link ContactEmail}), so a contact the requester could name can be invited and
 * no other.
 *
 * @param followUpQuestions the experts' own questions, from the second round on
 */
public record Invite(
        @NotBlank(message = "{vendor.contactName.required}")
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String contactName,

        @NotBlank(message = "{vendor.contactEmail.required}")
        @Size(max = VendorContact.EMAIL_LENGTH, message = "{field.tooLong}")
        @ContactEmail(message = "{vendor.contactEmail.invalid}")
        @Schema(format = "email")
        @PlainText
        String contactEmail,

        @NotNull(message = "{vendor.language.required}")
        VendorLanguage language,

        @Size(max = 10, message = "{vendor.followUps.tooMany}")
        List<@NotBlank(message = "{vendor.followUp.blank}") @Size(max = 1000, message = "{field.tooLong}") @PlainText(multiline = true) String> followUpQuestions) {

    public Invite {
        contactName = contactName == null ? null : contactName.strip();
        contactEmail = contactEmail == null ? null : contactEmail.strip();
        followUpQuestions = followUpQuestions == null ? List.of()
                : followUpQuestions.stream().map(question -> question == null ? null : question.strip()).toList();
    }
}
