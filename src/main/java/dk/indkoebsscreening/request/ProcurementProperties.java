package dk.indkoebsscreening.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The EU procurement thresholds for municipalities by period ({@code indkoeb.procurement.thresholds}): they
 * change every two years, so each value has the dates it is valid for, and a request is compared with the
 * one in force on the day it was submitted. Only values verified against the published notices are shipped.
 *
 * @param publishedAt where the current values are published, for the administrator who must add them
 */
@Validated
@ConfigurationProperties("indkoeb.procurement")
public record ProcurementProperties(List<@Valid Threshold> thresholds, String publishedAt) {

    public ProcurementProperties {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    /**
     * @param validUntil the last day it applies, inclusive
     * @param goodsAndServicesDkk  goods and services bought by municipalities
     * @param lightRegimeDkk       social and other specific services (the light regime)
     */
    public record Threshold(@NotNull LocalDate validFrom, @NotNull LocalDate validUntil,
                            @NotNull @Positive BigDecimal goodsAndServicesDkk, @NotNull @Positive BigDecimal lightRegimeDkk) {

        boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validUntil);
        }
    }

    public Optional<Threshold> inForceOn(LocalDate day) {
        return thresholds.stream().filter(threshold -> threshold.covers(day)).findFirst();
    }
}
