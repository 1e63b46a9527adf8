package dk.indkoebsscreening.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The report's periods in Copenhagen time, and its durations' median and 90th percentile (nearest rank). */
class ReportPeriodTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void aQuarterRunsFromItsFirstToItsLastDayInCopenhagenTime() {
        ReportPeriod third = ReportPeriod.of("2026-K3", null, null, LocalDate.of(2026, 12, 7));

        assertThat(third.start(COPENHAGEN)).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(third.end(COPENHAGEN)).as("30 September 23.59 local is 21.59 UTC, still the quarter")
                .isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(ReportPeriod.of("2026-K4", null, null, LocalDate.now()).end(COPENHAGEN)).as("winter time")
                .isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(ReportPeriod.of(null, null, null, LocalDate.of(2026, 12, 7)).key()).isEqualTo("2026-K4");
        assertThat(ReportPeriod.of("2025", null, null, LocalDate.now())).extracting(ReportPeriod::first, ReportPeriod::last)
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(ReportPeriod.of("", "2026-07-01", "2026-07-31", LocalDate.now())).extracting(ReportPeriod::first, ReportPeriod::last)
                .containsExactly(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31));
        assertThat(ReportPeriod.of("2026-K1", "2026-07-01", "2026-07-31", LocalDate.now()).key())
                .as("a period chosen in the list wins over dates left in the fields").isEqualTo("2026-K1");
    }

    @Test
    void whatCannotBeAPeriodIsTheFieldsError() {
        for (List<String> asked : List.of(List.of("2026-K0", "", ""), List.of("2101", "", ""), List.of("", "2026-07-01", ""),
                List.of("", "2026-07-31", "2026-07-01"), List.of("", "2020-01-01", "2025-12-31"), List.of("", "31-07-2026", "2026-08-01"))) {
            assertThatThrownBy(() -> ReportPeriod.of(asked.get(0), asked.get(1), asked.get(2), LocalDate.now())).as(asked.toString())
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void theMedianAndTheNinetiethPercentileByNearestRank() {
        assertThat(SteeringReports.Durations.of(IntStream.rangeClosed(1, 10).boxed().toList()))
                .isEqualTo(new SteeringReports.Durations(10, 5.5, 9));
        assertThat(SteeringReports.Durations.of(IntStream.rangeClosed(1, 11).boxed().toList()))
                .isEqualTo(new SteeringReports.Durations(11, 6.0, 10));
        assertThat(SteeringReports.Durations.of(IntStream.rangeClosed(1, 20).boxed().toList()))
                .isEqualTo(new SteeringReports.Durations(20, 10.5, 18));
        assertThat(SteeringReports.Durations.of(List.of(7))).isEqualTo(new SteeringReports.Durations(1, 7.0, 7));
        assertThat(SteeringReports.Durations.of(List.of())).isEqualTo(new SteeringReports.Durations(0, null, null));
    }
}
