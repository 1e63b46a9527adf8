package dk.indkoebsscreening.deadline;

import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.Set;

/** The Danish public holidays (helligdage) of a year, including the movable ones that follow Easter. */
public final class DanishHolidays {

    /** Store Bededag was abolished as a public holiday by law from 2024. */
    private static final int LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

    private DanishHolidays() {
    }

    public static Set<LocalDate> of(int year) {
        LocalDate easterSunday = easterSunday(year);
        Set<LocalDate> holidays = new HashSet<>(Set.of(
                LocalDate.of(year, Month.JANUARY, 1),
                easterSunday.minusDays(3),   // Skærtorsdag
                easterSunday.minusDays(2),   // Langfredag
                easterSunday,                // Påskedag
                easterSunday.plusDays(1),    // 2. påskedag
                easterSunday.plusDays(39),   // Kristi himmelfartsdag
                easterSunday.plusDays(49),   // Pinsedag
                easterSunday.plusDays(50),   // 2. pinsedag
                LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26)));
        if (year <= LAST_YEAR_WITH_STORE_BEDEDAG) {
            holidays.add(easterSunday.plusDays(26));
        }
        return Set.copyOf(holidays);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
