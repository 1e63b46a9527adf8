package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The threshold in force on the day of submission, and none invented for a day no configured period covers. */
class ContractValueTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final ProcurementProperties SHIPPED = new ProcurementProperties(List.of(new ProcurementProperties.Threshold(
            LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), new BigDecimal("1644638"), new BigDecimal("5581350"))), "KFST");

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
        // 31 December 2025 23:30 in Copenhagen is still 2025 there; 00:30 on 1 January 2026 is not.
        assertThat(ContractValue.of(submittedAt(ZonedDateTime.of(2025, 12, 31, 23, 30, 0, 0, COPENHAGEN), "2000000"), SHIPPED, COPENHAGEN)
                .thresholdKnown()).isTrue();
        ContractValue unknown = ContractValue.of(submittedAt(ZonedDateTime.of(2026, 1, 1, 0, 30, 0, 0, COPENHAGEN), "2000000"), SHIPPED,
                COPENHAGEN);
        assertThat(unknown.thresholdKnown()).isFalse();
        assertThat(unknown.aboveEuThreshold()).isNull();
        assertThat(unknown.thresholdDay()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    private static PurchaseRequest submittedAt(int year, int month, int day, String oneOff) {
        return submittedAt(ZonedDateTime.of(year, month, day, 12, 0, 0, 0, COPENHAGEN), oneOff);
    }

    private static PurchaseRequest submittedAt(ZonedDateTime at, String oneOff) {
        return new PurchaseRequest(java.util.UUID.randomUUID(), "IND-2026-0001", "Titel", "System", "Leverandør", "Behov",
                "Afdeling", "anna", new BigDecimal(oneOff), BigDecimal.ZERO, 1, 10, PersonalData.NONE, Hosting.CLOUD_EU, null,
                null, null, null, RequestStatus.IN_TRIAGE, at.toInstant(), at.toInstant().plusSeconds(86400 * 7), null, null);
    }
}
