package dk.indkoebsscreening.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DanishHolidaysTest {

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({
            "2023, 2023-04-09",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2038, 2038-04-25", // the latest possible date
            "2285, 2285-03-22"  // the earliest possible date
    })
    void easterSunday(int year, LocalDate expected) {
        assertThat(DanishHolidays.easterSunday(year)).isEqualTo(expected);
    }

    @Test
    @DisplayName("2026: 1 Jan, 2-6 Apr (Easter), Ascension 14 May, Whitsun 24-25 May, 25-26 Dec and nothing else")
    void holidaysOf2026() {
        assertThat(DanishHolidays.of(2026)).containsExactlyInAnyOrder(
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 2),   // Skærtorsdag
                LocalDate.of(2026, 4, 3),   // Langfredag
                LocalDate.of(2026, 4, 5),   // Påskedag
                LocalDate.of(2026, 4, 6),   // 2. påskedag
                LocalDate.of(2026, 5, 14),  // Kristi himmelfartsdag
                LocalDate.of(2026, 5, 24),  // Pinsedag
                LocalDate.of(2026, 5, 25),  // 2. pinsedag
                LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26));
    }

    @Test
    @DisplayName("2025: Easter 17-21 Apr, Ascension 29 May, Whit Monday 9 Jun")
    void movableHolidaysOf2025() {
        assertThat(DanishHolidays.of(2025)).contains(
                LocalDate.of(2025, 4, 17), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 20),
                LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 29), LocalDate.of(2025, 6, 8),
                LocalDate.of(2025, 6, 9))
                .hasSize(10);
    }

    @Test
    @DisplayName("2027: Easter 25-29 Mar, Ascension 6 May, Whit Monday 17 May")
    void movableHolidaysOf2027() {
        assertThat(DanishHolidays.of(2027)).contains(
                LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 28),
                LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 16),
                LocalDate.of(2027, 5, 17))
                .hasSize(10);
    }

    @Test
    @DisplayName("Store Bededag: Friday 5 May 2023 is a holiday; Friday 26 April 2024 is not (abolished from 2024)")
    void storeBededagAbolishedFrom2024() {
        assertThat(DanishHolidays.of(2023)).contains(LocalDate.of(2023, 5, 5)).hasSize(11);
        assertThat(DanishHolidays.of(2024))
                .doesNotContain(LocalDate.of(2024, 4, 26))
                .contains(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1),
                        LocalDate.of(2024, 5, 9), LocalDate.of(2024, 5, 20))
                .hasSize(10);
    }

    @Test
    @DisplayName("Constitution Day, Christmas Eve and New Year's Eve are not public holidays (they are configured closed days)")
    void closedDaysAreNotPublicHolidays() {
        assertThat(DanishHolidays.of(2026)).doesNotContain(
                LocalDate.of(2026, 6, 5), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31));
    }
}
