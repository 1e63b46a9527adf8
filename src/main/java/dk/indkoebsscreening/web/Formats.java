package dk.indkoebsscreening.web;

import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and amounts as people in the municipality write them ("26. november 2026", "1.644.638 kr."),
 * in the page's language and the municipality's time zone. Used in templates as {@code #formats}.
 */
@Component("formats")
public class Formats {

    private final DeadlineProperties deadline;
    private final DeadlineCalculator deadlines;
    private final MessageSource messages;
    private final Clock clock;

    Formats(DeadlineProperties deadline, DeadlineCalculator deadlines, MessageSource messages, Clock clock) {
        this.deadline = deadline;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    /** "3 arbejdsdage tilbage", "Fristen er i dag", "Overskredet med 2 arbejdsdage": a deadline as a person counts it. */
    public String timeLeft(Instant due) {
        if (due == null) {
            return "";
        }
        Instant now = clock.instant();
        if (now.isAfter(due)) {
            int overdue = deadlines.workingDaysOverdue(now, due);
            return overdue == 0 ? message("time.overdueToday") : messages.getMessage("time.overdue", new Object[] {overdue}, locale());
        }
        int left = deadlines.workingDaysLeft(now, due);
        return left == 0 ? message("time.dueToday") : messages.getMessage("time.left", new Object[] {left}, locale());
    }

    public boolean isOverdue(Instant due) {
        return due != null && clock.instant().isAfter(due);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern(message("format.date"), locale()).format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(deadline.zone()).toLocalDate());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(message("format.dateTime"), locale())
                .format(instant.atZone(deadline.zone()));
    }

    /** Machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return messages.getMessage("format.amount", new Object[] {amountInput(amount)}, locale());
    }

    /** Grouped digits, no currency: whole kroner without decimals, otherwise always two ("48.500,50"). */
    private String amountInput(BigDecimal amount) {
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        number.setMinimumFractionDigits(whole ? 0 : 2);
        number.setMaximumFractionDigits(whole ? 0 : 2);
        return number.format(amount);
    }

    /** A duration given in hours as people read it: whole seconds under a minute, whole minutes under an hour, then hours to one decimal. */
    public String hours(double hours) {
        double rounded = roundedHours(hours);
        if (rounded < 1.0 / 60) {
            return messages.getMessage("format.seconds", new Object[] {Math.round(rounded * 3600)}, locale());
        }
        if (rounded < 1) {
            return messages.getMessage("format.minutes", new Object[] {Math.round(rounded * 60)}, locale());
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        number.setMinimumFractionDigits(1);
        number.setMaximumFractionDigits(1);
        return messages.getMessage("format.hours", new Object[] {number.format(rounded)}, locale());
    }

    /** The duration rounded as {@link #hours} shows it, for a bar that must be as long as its label says. */
    public double roundedHours(double hours) {
        double seconds = Math.round(hours * 3600);
        if (seconds < 60) {
            return seconds / 3600;
        }
        double minutes = Math.round(hours * 60);
        if (minutes < 60) {
            return minutes / 60;
        }
        return Math.round(hours * 10) / 10.0;
    }

    /** "december 2026" for "2026-12". */
    public String month(String yearMonth) {
        return DateTimeFormatter.ofPattern(message("format.month"), locale()).format(YearMonth.parse(yearMonth));
    }

    /** "340 kB", "1,2 MB": a file's size as people read it (1 kB = 1024 bytes, as file managers count). */
    public String fileSize(long bytes) {
        if (bytes < 1024 * 1024) {
            return number(Math.max(1, Math.round(bytes / 1024.0))) + " kB";
        }
        NumberFormat megabytes = NumberFormat.getNumberInstance(locale());
        megabytes.setMaximumFractionDigits(1);
        return megabytes.format(bytes / (1024.0 * 1024.0)) + " MB";
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    private String message(String key) {
        return messages.getMessage(key, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
