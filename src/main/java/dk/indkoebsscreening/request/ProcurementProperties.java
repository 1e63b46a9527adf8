package dk.indkoebsscreening.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The EU procurement thresholds for municipalities by period ({@code indkoeb.procurement.thresholds}): they
 * change every two years, so each value has the dates it is valid for, and a request is compared with the
 * one in force on the day it was submitted. Only values verified against the published notices are shipped.
 * The Commission sets a period's euro values months before the kroner values are published; until an
 * administrator adds these, the krone's exchange-rate band ({@code krone}) decides every value clearly below or
 * above the threshold, and only one inside the band is left to the contract expert.
 *
 * @param publishedAt where the current values are published, for the administrator who must add them
 */
@Validated
@ConfigurationProperties("indkoeb.procurement")
public record ProcurementProperties(List<@Valid Threshold> thresholds, @Valid @NotNull KroneBand krone, String publishedAt) {

    public ProcurementProperties {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    /**
     * A period's values: in kroner once published (they decide), in euro from the regulation (the band decides).
     *
     * @param validUntil the last day it applies, inclusive
     * @param goodsAndServicesDkk  goods and services bought by municipalities; null until published
     * @param lightRegimeDkk       social and other specific services (the light regime); null until published
     * @param goodsAndServicesEur  the same in euro (sub-central supplies and services)
     * @param lightRegimeEur       the light regime in euro
     */
    public record Threshold(@NotNull LocalDate validFrom, @NotNull LocalDate validUntil,
                            @Positive BigDecimal goodsAndServicesDkk, @Positive BigDecimal lightRegimeDkk,
                            @Positive BigDecimal goodsAndServicesEur, @Positive BigDecimal lightRegimeEur) {

        boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validUntil);
        }

        @AssertTrue(message = "give goods-and-services-dkk, goods-and-services-eur or both")
        public boolean isGoodsAndServicesGiven() {
            return goodsAndServicesDkk != null || goodsAndServicesEur != null;
        }
    }

    /**
     * The krone in the EU's exchange-rate mechanism (ERM II): a period's kroner threshold is its euro value at the
     * krone's average rate, which stays within the band around the central rate, rounded by the Commission.
     *
     * @param centralRate       kroner per euro
     * @param bandPercent       the fluctuation band either side of the central rate
     * @param roundingMarginDkk added either side for the rounding of the published kroner figure
     */
    public record KroneBand(@NotNull @Positive BigDecimal centralRate, @NotNull @Positive @DecimalMax("100") BigDecimal bandPercent,
                            @NotNull @PositiveOrZero BigDecimal roundingMarginDkk) {

        /** The least the kroner equivalent of {@code eur} can be, in whole kroner (rounded down). */
        public BigDecimal lowestDkk(BigDecimal eur) {
            return eur.multiply(centralRate).multiply(BigDecimal.ONE.subtract(fraction()))
                    .subtract(roundingMarginDkk).setScale(0, RoundingMode.FLOOR);
        }

        /** The most the kroner equivalent of {@code eur} can be, in whole kroner (rounded up). */
        public BigDecimal highestDkk(BigDecimal eur) {
            return eur.multiply(centralRate).multiply(BigDecimal.ONE.add(fraction()))
                    .add(roundingMarginDkk).setScale(0, RoundingMode.CEILING);
        }

        private BigDecimal fraction() {
            return bandPercent.movePointLeft(2);
        }
    }

    public Optional<Threshold> inForceOn(LocalDate day) {
        return thresholds.stream().filter(threshold -> threshold.covers(day)).findFirst();
    }

    /** Whether the kroner value deciding a request submitted on {@code day} is configured. */
    public boolean kronerKnownOn(LocalDate day) {
        return inForceOn(day).map(threshold -> threshold.goodsAndServicesDkk() != null).orElse(false);
    }
}
