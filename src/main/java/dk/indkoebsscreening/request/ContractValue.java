package dk.indkoebsscreening.request;

import java.math.BigDecimal;

/** A request's lifetime value against the EU threshold, for the contract expert's first question. */
public record ContractValue(BigDecimal contractValueDkk, BigDecimal euThresholdDkk, boolean aboveEuThreshold) {

    public static ContractValue of(PurchaseRequest request, ProcurementProperties procurement) {
        BigDecimal value = request.contractValueDkk();
        return new ContractValue(value, procurement.euThresholdDkk(), value.compareTo(procurement.euThresholdDkk()) > 0);
    }
}
