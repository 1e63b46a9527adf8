package dk.indkoebsscreening.request;

import dk.indkoebsscreening.system.PlainText;
import dk.indkoebsscreening.system.WithinYears;
import dk.indkoebsscreening.system.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a member of staff submits. Messages are keys in {@code messages*.properties}. */
public record PurchaseRequestForm(
        @NotBlank(message = "{request.title.required}")
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String title,

        @NotBlank(message = "{request.systemName.required}")
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String systemName,

        @NotBlank(message = "{request.vendor.required}")
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String vendor,

        @NotBlank(message = "{request.need.required}")
        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String need,

        @NotBlank(message = "{request.department.required}")
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String department,

        @NotNull(message = "{request.cost.required}")
        @DecimalMin(value = "0", message = "{request.cost.negative}")
        @DecimalMax(value = "999999999999", message = "{request.cost.tooLarge}")
        @Digits(integer = 12, fraction = 2, message = "{request.cost.format}")
        BigDecimal oneOffCostDkk,

        @NotNull(message = "{request.cost.required}")
        @DecimalMin(value = "0", message = "{request.cost.negative}")
        @DecimalMax(value = "999999999999", message = "{request.cost.tooLarge}")
        @Digits(integer = 12, fraction = 2, message = "{request.cost.format}")
        BigDecimal annualCostDkk,

        @NotNull(message = "{request.contractYears.required}")
        @Min(value = 1, message = "{request.contractYears.range}")
        @Max(value = 20, message = "{request.contractYears.range}")
        Integer contractYears,

        @NotNull(message = "{request.expectedUsers.required}")
        @Min(value = 1, message = "{request.expectedUsers.range}")
        @Max(value = 1_000_000, message = "{request.expectedUsers.range}")
        Integer expectedUsers,

        /** Every category that applies: "none" alone, or any of the others (see {@link RequestService#problems}). */
        @NotEmpty(message = "{request.personalData.required}")
        List<PersonalData> personalDataCategories,

        @NotNull(message = "{request.hosting.required}")
        Hosting hosting,

        /** Only asked, and only kept, when the system is hosted outside the EU/EEA. */
        @Size(max = 1000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String transferBasis,

        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String integrations,

        @NotNull(message = "{request.desiredStartDate.required}")
        @FutureOrPresent(message = "{request.desiredStartDate.past}")
        @WithinYears(10)
        LocalDate desiredStartDate,

        /** The requester's answer when the form showed systems or requests like this one. */
        @Size(max = 2000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String existingSystemNote,

        /** A re-screening: the earlier request of the same system, which the requester may read. */
        UUID previousRequestId,

        /** A re-screening's answer to "what has changed since last time?"; required with {@code previousRequestId}. */
        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String changesSinceLast,

        /** The vendor's contact for the vendor's questionnaire: optional, both or neither (see {@link RequestService#problems}). */
        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String vendorContactName,

        @Size(max = VendorContact.EMAIL_LENGTH, message = "{field.tooLong}")
        @Email(regexp = VendorContact.EMAIL_PATTERN, message = "{request.vendorContact.email.invalid}")
        @PlainText
        String vendorContactEmail,

        /**
         * Who pays the purchase and who its operation: both or neither (the request form asks both; the API may leave
         * them out), with the pool's or fund's name for {@code POOL} and {@code EXTERNAL} (see {@link RequestService#problems}).
         */
        FundingSource purchaseFunding,

        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String purchaseFundingName,

        FundingSource operationFunding,

        @Size(max = PurchaseRequestForm.NAME_LENGTH, message = "{field.tooLong}")
        @PlainText
        String operationFundingName,

        /** Every {@link BenefitCriterion} rated, with {@code benefitsDescription}; or neither. */
        Map<BenefitCriterion, BenefitRating> expectedBenefits,

        @Size(max = PurchaseRequestForm.BENEFITS_LENGTH, message = "{field.tooLong}")
        @PlainText(multiline = true)
        String benefitsDescription) {

    /**
     * Each category once, in one order, so a repeated submission is the same content; an empty entry is no category. The
     * vendor's contact without the spaces around what was typed (a pasted address often has some).
     */
    public PurchaseRequestForm {
        personalDataCategories = personalDataCategories == null ? null : PersonalData.ordered(personalDataCategories);
        vendorContactName = Text.orNull(vendorContactName);
        vendorContactEmail = Text.orNull(vendorContactEmail);
        purchaseFundingName = purchaseFunding != null && purchaseFunding.named() ? Text.orNull(purchaseFundingName) : null;
        operationFundingName = operationFunding != null && operationFunding.named() ? Text.orNull(operationFundingName) : null;
        expectedBenefits = expectedBenefits == null ? Map.of() : ratedOnly(expectedBenefits);
        benefitsDescription = Text.orNull(benefitsDescription);
    }

    /** A criterion sent without a rating ({@code null} in JSON, the form's "choose") is not rated. */
    private static Map<BenefitCriterion, BenefitRating> ratedOnly(Map<BenefitCriterion, BenefitRating> ratings) {
        Map<BenefitCriterion, BenefitRating> rated = new EnumMap<>(BenefitCriterion.class);
        ratings.forEach((criterion, rating) -> {
            if (criterion != null && rating != null) {
                rated.put(criterion, rating);
            }
        });
        return rated;
    }

    /** Who pays, when both were given. */
    Funding funding() {
        return purchaseFunding == null || operationFunding == null ? null
                : new Funding(purchaseFunding, purchaseFundingName, operationFunding, operationFundingName);
    }

    /** The expected benefits, when every criterion was rated and described. */
    ExpectedBenefits benefits() {
        return expectedBenefits.size() < BenefitCriterion.values().length || benefitsDescription == null ? null
                : new ExpectedBenefits(expectedBenefits, benefitsDescription.strip());
    }

    /** The vendor's contact, when both name and address were given. */
    VendorContact vendorContact() {
        return Text.isBlank(vendorContactName) || Text.isBlank(vendorContactEmail) ? null
                : new VendorContact(vendorContactName, vendorContactEmail);
    }

    /** The longest title, system name, vendor and department; the duplicate check refuses longer names unread. */
    public static final int NAME_LENGTH = 200;

    /** The longest text on the expected benefits: a short text beside the five ratings. */
    public static final int BENEFITS_LENGTH = 1000;
}
