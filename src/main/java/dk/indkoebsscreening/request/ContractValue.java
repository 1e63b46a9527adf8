package dk.indkoebsscreening.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A request's lifetime value against the EU threshold in force on the day it was submitted, for the contract
 * expert's first question. When no configured threshold covers that day, the threshold and the comparison are
 * null: unknown, not guessed.
 *
 * @param thresholdDay the day whose threshold applies (the submission day)
 */
public record ContractValue(BigDecimal contractValueDkk, BigDecimal euThresholdDkk, Boolean aboveEuThreshold,
                            LocalDate thresholdDay, LocalDate thresholdValidFrom, LocalDate thresholdValidUntil) {

    public static ContractValue of(PurchaseRequest request, ProcurementProperties procurement, ZoneId zone) {
        BigDecimal value = request.contractValueDkk();
        LocalDate day = request.submittedAt().atZone(zone).toLocalDate();
        return procurement.inForceOn(day)
                .map(threshold -> new ContractValue(value, threshold.goodsAndServicesDkk(),
                        value.compareTo(threshold.goodsAndServicesDkk()) > 0, day, threshold.validFrom(), threshold.validUntil()))
                .orElseGet(() -> new ContractValue(value, null, null, day, null, null));
    }

    public boolean thresholdKnown() {
        return euThresholdDkk != null;
    }
}
