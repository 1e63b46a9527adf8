package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The threshold in force on the day of submission, and none invented for a day no configured period covers; without a
 * period's kroner value, its euro value and the krone's band decide all but the values inside the band.
 */
class ContractValueTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final ProcurementProperties.KroneBand KRONE = new ProcurementProperties.KroneBand(new BigDecimal("7.46038"),
            new BigDecimal("2.25"), new BigDecimal("1000"));
    private static final ProcurementProperties.Threshold KRONER_2024 = new ProcurementProperties.Threshold(LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), new BigDecimal("1644638"), new BigDecimal("5581350"), null, null);
    private static final ProcurementProperties.Threshold EURO_2026 = new ProcurementProperties.Threshold(LocalDate.of(2026, 1, 1),
            LocalDate.of(2027, 12, 31), null, null, new BigDecimal("216000"), new BigDecimal("750000"));
    /** As in application.yml. */
    static final ProcurementProperties SHIPPED = new ProcurementProperties(List.of(KRONER_2024, EURO_2026), KRONE, "KFST");

    @Test
    void aRequestIsComparedWithTheThresholdInForceOnItsSubmissionDay() {
        ContractValue below = ContractValue.of(submittedAt(2025, 6, 2, "300000"), SHIPPED, COPENHAGEN);
        assertThat(below.euThresholdDkk()).isEqualByComparingTo("1644638");
        assertThat(below.aboveEuThreshold()).isFalse();
        ContractValue above = ContractValue.of(submittedAt(2024, 1, 1, "2000000"), SHIPPED, COPENHAGEN);
        assertThat(above.aboveEuThreshold()).isTrue();
        assertThat(above.thresholdValidUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aDayNoPeriodCoversHasNoThresholdRatherThanAnOldOne() {
        // 31 December 2027 23:30 in Copenhagen is still 2027 there; 00:30 on 1 January 2028 is not.
        assertThat(ContractValue.of(submittedAt(ZonedDateTime.of(2027, 12, 31, 23, 30, 0, 0, COPENHAGEN), "9600"), SHIPPED, COPENHAGEN)
                .aboveEuThreshold()).isFalse();
        ContractValue unknown = ContractValue.of(submittedAt(ZonedDateTime.of(2028, 1, 1, 0, 30, 0, 0, COPENHAGEN), "9600"), SHIPPED,
                COPENHAGEN);
        assertThat(unknown.thresholdKnown()).isFalse();
        assertThat(unknown.decidedByBand()).isFalse();
        assertThat(unknown.aboveEuThreshold()).isNull();
        assertThat(unknown.thresholdDay()).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void withoutTheKronerValueTheKroneBandDecidesAllButTheValuesInsideIt() {
        // EUR 216 000 × 7.46038 = 1 611 442.08 kr.; × 0.9775 − 1 000 = 1 574 184.63; × 1.0225 + 1 000 = 1 648 699.53
        ContractValue edge = ContractValue.of(submittedAt(2026, 12, 1, "1574184"), SHIPPED, COPENHAGEN);
        assertThat(edge.decidedByBand()).isTrue();
        assertThat(edge.thresholdKnown()).isFalse();
        assertThat(edge.euThresholdEur()).isEqualByComparingTo("216000");
        assertThat(edge.bandLowestDkk()).isEqualByComparingTo("1574184");
        assertThat(edge.bandHighestDkk()).isEqualByComparingTo("1648700");
        assertThat(edge.thresholdValidFrom()).isEqualTo(LocalDate.of(2026, 1, 1));

        assertThat(aboveOn2026("9600")).isFalse();
        assertThat(aboveOn2026("1574183")).as("just below the band").isFalse();
        assertThat(aboveOn2026("1574184")).as("the band's lowest").isNull();
        assertThat(aboveOn2026("1611442")).as("inside").isNull();
        assertThat(aboveOn2026("1648700")).as("the band's highest").isNull();
        assertThat(aboveOn2026("1648701")).as("just above the band").isTrue();
    }

    @Test
    void theKronerValueDecidesOnceConfiguredEvenInsideTheBand() {
        ProcurementProperties published = new ProcurementProperties(List.of(new ProcurementProperties.Threshold(LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), new BigDecimal("1611000"), new BigDecimal("5595000"), new BigDecimal("216000"),
                new BigDecimal("750000"))), KRONE, "KFST");
        ContractValue inside = ContractValue.of(submittedAt(2026, 12, 1, "1611001"), published, COPENHAGEN);
        assertThat(inside.thresholdKnown()).isTrue();
        assertThat(inside.decidedByBand()).isFalse();
        assertThat(inside.aboveEuThreshold()).isTrue();
        assertThat(inside.bandLowestDkk()).isNull();
        assertThat(ContractValue.of(submittedAt(2026, 12, 1, "1611000"), published, COPENHAGEN).aboveEuThreshold()).isFalse();
    }

    private static Boolean aboveOn2026(String value) {
        return ContractValue.of(submittedAt(2026, 12, 1, value), SHIPPED, COPENHAGEN).aboveEuThreshold();
    }

    private static PurchaseRequest submittedAt(int year, int month, int day, String oneOff) {
        return submittedAt(ZonedDateTime.of(year, month, day, 12, 0, 0, 0, COPENHAGEN), oneOff);
    }

    private static PurchaseRequest submittedAt(ZonedDateTime at, String oneOff) {
        return new PurchaseRequest(java.util.UUID.randomUUID(), "IND-2026-0001", "Titel", "System", "Leverandør", "Behov",
                "Afdeling", "anna", new BigDecimal(oneOff), BigDecimal.ZERO, 1, 10, List.of(PersonalData.NONE), Hosting.CLOUD_EU, null,
                null, null, null, RequestStatus.IN_TRIAGE, at.toInstant(), at.toInstant().plusSeconds(86400 * 7), null, null, null, null, null);
    }
}
