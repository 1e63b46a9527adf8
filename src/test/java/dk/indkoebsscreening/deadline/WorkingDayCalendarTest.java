package dk.indkoebsscreening.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final Set<MonthDay> CLOSED_DAYS = Set.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31));

    private final WorkingDayCalendar calendar =
            new WorkingDayCalendar(new DeadlineProperties(5, LocalTime.of(16, 0), COPENHAGEN, CLOSED_DAYS));
    private final WorkingDayCalendar withoutClosedDays =
            new WorkingDayCalendar(new DeadlineProperties(5, LocalTime.of(16, 0), COPENHAGEN, Set.of()));

    @ParameterizedTest(name = "{0} ({1}) is a working day: {2}")
    @CsvSource({
            "2026-04-01, Wednesday before Easter, true",
            "2026-04-02, Maundy Thursday, false",
            "2026-04-03, Good Friday, false",
            "2026-04-04, Easter Saturday, false",
            "2026-04-06, Easter Monday, false",
            "2026-04-07, Tuesday after Easter, true",
            "2026-05-14, Ascension Day, false",
            "2026-05-15, Friday after Ascension Day, true",
            "2026-05-25, Whit Monday, false",
            "2026-06-05, Constitution Day (closed day), false",
            "2026-12-23, 23 December, true",
            "2026-12-24, Christmas Eve (closed day), false",
            "2026-12-25, Christmas Day, false",
            "2026-12-28, Monday between Christmas and New Year, true",
            "2026-12-31, New Year's Eve (closed day), false",
            "2027-01-01, New Year's Day, false",
            "2023-05-05, Store Bededag 2023, false",
            "2024-04-26, former Store Bededag 2024, true",
            "2026-11-07, a Saturday, false",
            "2026-11-08, a Sunday, false",
            "2026-11-09, a Monday, true"
    })
    void isWorkingDay(LocalDate date, String what, boolean expected) {
        assertThat(calendar.isWorkingDay(date)).as(what).isEqualTo(expected);
    }

    @Test
    @DisplayName("Without configured closed days, 5 June, 24 and 31 December 2026 are working days")
    void closedDaysAreConfigurable() {
        assertThat(withoutClosedDays.isWorkingDay(LocalDate.of(2026, 6, 5))).isTrue();
        assertThat(withoutClosedDays.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(withoutClosedDays.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(withoutClosedDays.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    @DisplayName("Wednesday 1 April 2026 + 5 working days = Monday 13 April 2026 (Easter 2-6 April skipped)")
    void plusWorkingDaysOverEaster() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 1), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 1), 5)).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 1), 0)).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    @DisplayName("Tuesday 7 April 2026 - 1 working day = Wednesday 1 April 2026; Monday 13 April - 1 = Friday 10 April")
    void minusWorkingDaysOverEaster() {
        assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 4, 7), 1)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 4, 13), 1)).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    @Test
    @DisplayName("Tuesday 22 December 2026 + 5 working days = Monday 4 January 2027, across the year boundary")
    void plusWorkingDaysOverChristmasAndNewYear() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 22), 5)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(withoutClosedDays.plusWorkingDays(LocalDate.of(2026, 12, 22), 5))
                .isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    @DisplayName("Working days after Wednesday 1 April 2026 up to Monday 13 April 2026: 5 (7, 8, 9, 10 and 13 April)")
    void workingDaysBetween() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 13))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 13))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 13))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 13))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 6))).isZero();
    }

    @Test
    @DisplayName("Across years, leap days, Easter, closed days and long spans the count is that of walking day by day")
    void workingDaysBetweenAsWalked() {
        Random random = new Random(20261207);
        LocalDate base = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < 5_000; i++) {
            LocalDate from = base.plusDays(random.nextInt(6 * 366));
            LocalDate until = from.plusDays(random.nextInt(900) - 30);
            int walked = 0;
            for (LocalDate day = from.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
                walked += calendar.isWorkingDay(day) ? 1 : 0;
            }
            assertThat(calendar.workingDaysBetween(from, until)).as("%s to %s", from, until).isEqualTo(walked);
        }
        // 31 December to 1 January (a holiday) and on to the next working day: Friday 2 January 2026.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 2))).isEqualTo(1);
        // 2024 is a leap year: 366 days, 29 February a Thursday.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1))).isEqualTo(2);
    }

    @Test
    @DisplayName("Fewer than 2 working days is refused: no room for the reminder")
    void atLeastTwoWorkingDays() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeadlineProperties(1, LocalTime.of(16, 0), COPENHAGEN, CLOSED_DAYS));
    }
}
