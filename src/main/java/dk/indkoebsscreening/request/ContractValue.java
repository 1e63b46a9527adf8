package dk.indkoebsscreening.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A request's lifetime value against the EU threshold in force on the day it was submitted, for the contract
 * expert's first question. With the period's kroner value configured, that decides. With only its euro value, the
 * krone's band decides: below the lowest kroner equivalent is below, above the highest is above, and a value inside
 * the band is unknown (null), as is any value on a day no configured period covers: unknown, not guessed.
 *
 * @param euThresholdDkk  the period's kroner value; null when not configured
 * @param euThresholdEur  the period's euro value; null when not configured
 * @param bandLowestDkk   without the kroner value: the least its kroner equivalent can be; else null
 * @param bandHighestDkk  without the kroner value: the most its kroner equivalent can be; else null
 * @param thresholdDay    the day whose threshold applies (the submission day)
 */
public record ContractValue(BigDecimal contractValueDkk, BigDecimal euThresholdDkk, BigDecimal euThresholdEur,
                            BigDecimal bandLowestDkk, BigDecimal bandHighestDkk, Boolean aboveEuThreshold,
                            LocalDate thresholdDay, LocalDate thresholdValidFrom, LocalDate thresholdValidUntil) {

    public static ContractValue of(PurchaseRequest request, ProcurementProperties procurement, ZoneId zone) {
        BigDecimal value = request.contractValueDkk();
        LocalDate day = request.submittedAt().atZone(zone).toLocalDate();
        return procurement.inForceOn(day).map(threshold -> {
            BigDecimal dkk = threshold.goodsAndServicesDkk();
            BigDecimal eur = threshold.goodsAndServicesEur();
            if (dkk != null) {
                return new ContractValue(value, dkk, eur, null, null, value.compareTo(dkk) > 0, day,
                        threshold.validFrom(), threshold.validUntil());
            }
            BigDecimal lowest = procurement.krone().lowestDkk(eur);
            BigDecimal highest = procurement.krone().highestDkk(eur);
            Boolean above = value.compareTo(lowest) < 0 ? Boolean.FALSE : value.compareTo(highest) > 0 ? Boolean.TRUE : null;
            return new ContractValue(value, null, eur, lowest, highest, above, day, threshold.validFrom(), threshold.validUntil());
        }).orElseGet(() -> new ContractValue(value, null, null, null, null, null, day, null, null));
    }

    public boolean thresholdKnown() {
        return euThresholdDkk != null;
    }

    /** Whether only the euro value is configured, so the krone's band stands in for the kroner value. */
    public boolean decidedByBand() {
        return euThresholdDkk == null && euThresholdEur != null;
    }
}
