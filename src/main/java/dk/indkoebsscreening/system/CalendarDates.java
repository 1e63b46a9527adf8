package dk.indkoebsscreening.system;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;

/**
 * The dates any input may give: ISO {@code yyyy-MM-dd} with a four-digit year from 1900. Java reads
 * {@code +999999999-01-01} as a date, PostgreSQL cannot store it as a time ("timestamp out of range", a 500) and
 * stores {@code -999999999-01-01} as {@code -infinity}; no purchase, absence or search needs either. Every door that
 * reads a date uses this: JSON (StrictJsonConfiguration), form fields and parameters (the web's formatter), the
 * search's own parsing.
 */
public final class CalendarDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private static final DateTimeFormatter ISO_DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private CalendarDates() {
    }

    /** @throws DateTimeParseException when the text is not such a date */
    public static LocalDate parse(String text) {
        LocalDate date = LocalDate.parse(text, ISO_DATE);
        if (date.isBefore(EARLIEST)) {
            throw new DateTimeParseException("Before " + EARLIEST, text, 0);
        }
        return date;
    }

    public static String format(LocalDate date) {
        return ISO_DATE.format(date);
    }
}
