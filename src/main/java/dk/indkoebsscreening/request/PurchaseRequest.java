package dk.indkoebsscreening.request;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A purchase request as stored in the application's own table. */
public record PurchaseRequest(
        UUID id,
        String reference,
        String title,
        String systemName,
        String vendor,
        String need,
        String department,
        String requester,
        BigDecimal oneOffCostDkk,
        BigDecimal annualCostDkk,
        int contractYears,
        int expectedUsers,
        /** Every category that applies, least sensitive first ({@link PersonalData#ordered}). */
        List<PersonalData> personalDataCategories,
        Hosting hosting,
        String transferBasis,
        String integrations,
        LocalDate desiredStartDate,
        /** Why a system the municipality already has does not cover the need, when the duplicate check found one. */
        String existingSystemNote,
        RequestStatus status,
        Instant submittedAt,
        Instant deadline,
        Instant deadlineMissedAt,
        @JsonIgnore String processInstanceId,
        /** Whom the experts may invite to the vendor's questionnaire; null until the requester names someone. */
        VendorContact vendorContact,
        /** Who pays the purchase and its operation; null when not stated (before it was asked, or by the API). */
        Funding funding,
        /** The benefits the requester expects; null when not stated. */
        ExpectedBenefits expectedBenefits) {

    /** Lifetime value, compared with the EU procurement threshold: one-off cost plus every year's cost. */
    public BigDecimal contractValueDkk() {
        return oneOffCostDkk.add(annualCostDkk.multiply(BigDecimal.valueOf(contractYears)));
    }
}
