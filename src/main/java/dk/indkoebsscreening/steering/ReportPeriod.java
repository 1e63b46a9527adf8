package dk.indkoebsscreening.steering;

import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Text;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a steering report covers, both ends included: a quarter ({@code 2026-K3}), a year ({@code 2026}) or a custom
 * span of at most {@link #LONGEST_YEARS} years. Counted in the municipality's time zone.
 */
public record ReportPeriod(LocalDate first, LocalDate last, String key) {

    /** A longer span costs a longer count and says little more to a meeting. */
    static final int LONGEST_YEARS = 5;
    /** The years a period may lie in: none of this product's data is older, and no report looks further ahead. */
    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 2100;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-K([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** The quarter a day lies in. */
    static ReportPeriod quarterOf(LocalDate day) {
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        return quarter(day.getYear(), quarter);
    }

    static ReportPeriod quarter(int year, int quarter) {
        LocalDate first = YearMonth.of(year, (quarter - 1) * 3 + 1).atDay(1);
        return new ReportPeriod(first, first.plusMonths(3).minusDays(1), year + "-K" + quarter);
    }

    static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Integer.toString(year));
    }

    /**
     * The period asked for: {@code period} when one is chosen, else {@code from} and {@code to} (ISO dates) when either is
     * given, else the quarter of today.
     *
     * @throws InvalidInputException naming what cannot be used, in the page's language
     */
    static ReportPeriod of(String period, String from, String to, LocalDate today) {
        String key = Text.orNull(period);
        if (key != null) {
            Matcher quarter = QUARTER.matcher(key);
            if (quarter.matches() && inRange(Integer.parseInt(quarter.group(1)))) {
                return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
            }
            if (YEAR.matcher(key).matches() && inRange(Integer.parseInt(key))) {
                return year(Integer.parseInt(key));
            }
            throw InvalidInputException.of("periode", "steering.period.unknown");
        }
        if (Text.orNull(from) == null && Text.orNull(to) == null) {
            return quarterOf(today);
        }
        LocalDate first = date("fra", from);
        LocalDate last = date("til", to);
        if (last.isBefore(first)) {
            throw InvalidInputException.of("til", "steering.period.toBeforeFrom");
        }
        if (first.plusYears(LONGEST_YEARS).isBefore(last)) {
            throw InvalidInputException.of("til", "steering.period.tooLong", LONGEST_YEARS);
        }
        return new ReportPeriod(first, last, null);
    }

    private static LocalDate date(String field, String text) {
        if (Text.orNull(text) == null) {
            throw InvalidInputException.of(field, "steering.period.bothDates");
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (!inRange(date.getYear())) {
                throw InvalidInputException.of(field, "steering.period.date");
            }
            return date;
        } catch (DateTimeException e) {
            throw InvalidInputException.of(field, "steering.period.date");
        }
    }

    private static boolean inRange(int year) {
        return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
    }

    /** The choices the page offers: the last eight quarters and the last three years, newest first. */
    static List<ReportPeriod> offered(LocalDate today) {
        List<ReportPeriod> periods = new ArrayList<>();
        LocalDate quarterDay = today;
        for (int i = 0; i < 8; i++, quarterDay = quarterDay.minusMonths(3)) {
            periods.add(quarterOf(quarterDay));
        }
        for (int i = 0; i < 3; i++) {
            periods.add(year(today.getYear() - i));
        }
        return periods;
    }

    /** The period's first moment, in the zone. */
    Instant start(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The moment after the period's last day, in the zone. */
    Instant end(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    boolean isQuarter() {
        return key != null && key.contains("-K");
    }
}
