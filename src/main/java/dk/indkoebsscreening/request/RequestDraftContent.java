package dk.indkoebsscreening.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.WithinYears;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a draft keeps of the request form: every answer as typed (numbers too, so "cirka 48.500" comes back as it was),
 * nothing required, each text bounded as the submitted form bounds it. Unknown fields are ignored when read: a draft
 * saved before the form changed loses only the answers the form no longer asks.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestDraftContent(
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}") @PlainText String title,
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}") @PlainText String systemName,
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}") @PlainText String vendor,
        @Size(max = 2000, message = "{field.tooLong}") @PlainText(multiline = true) String existingSystemNote,
        @Size(max = 4000, message = "{field.tooLong}") @PlainText(multiline = true) String need,
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}") @PlainText String department,
        @Size(max = NUMBER_LENGTH, message = "{field.tooLong}") @PlainText String oneOffCostDkk,
        @Size(max = NUMBER_LENGTH, message = "{field.tooLong}") @PlainText String annualCostDkk,
        @Size(max = NUMBER_LENGTH, message = "{field.tooLong}") @PlainText String contractYears,
        @Size(max = NUMBER_LENGTH, message = "{field.tooLong}") @PlainText String expectedUsers,
        @Size(max = 5, message = "{field.tooLong}") List<PersonalData> personalDataCategories,
        Hosting hosting,
        @Size(max = 1000, message = "{field.tooLong}") @PlainText(multiline = true) String transferBasis,
        Boolean hasIntegrations,
        @Size(max = 2000, message = "{field.tooLong}") @PlainText(multiline = true) String integrations,
        @WithinYears(10) LocalDate desiredStartDate,
        UUID previousRequestId,
        @Size(max = 4000, message = "{field.tooLong}") @PlainText(multiline = true) String changesSinceLast,
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}") @PlainText String vendorContactName,
        @Size(max = VendorContact.EMAIL_LENGTH, message = "{field.tooLong}") @PlainText String vendorContactEmail,
        FundingSource purchaseFunding,
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}") @PlainText String purchaseFundingName,
        FundingSource operationFunding,
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}") @PlainText String operationFundingName,
        Map<BenefitCriterion, BenefitRating> expectedBenefits,
        @Size(max = PurchaseRequestForm.BENEFITS_LENGTH, message = "{field.tooLong}") @PlainText(multiline = true) String benefitsDescription) {

    /** A number as typed, with room for "kr.", thousands separators and "cirka". */
    static final int NUMBER_LENGTH = 50;

    /** The title a list shows, or null when none was given yet. */
    String shownTitle() {
        return title != null && !title.isBlank() ? title.strip() : systemName != null && !systemName.isBlank() ? systemName.strip() : null;
    }
}
