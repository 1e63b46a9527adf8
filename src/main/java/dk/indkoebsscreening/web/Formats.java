package dk.indkoebsscreening.web;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and amounts as people in the municipality write them ("26. november 2026", "1.644.638 kr."),
 * in the page's language and the municipality's time zone. Used in templates as {@code @formats}.
 */
@Component("formats")
public class Formats {

    private final DeadlineProperties deadline;
    private final MessageSource messages;

    Formats(DeadlineProperties deadline, MessageSource messages) {
        this.deadline = deadline;
        this.messages = messages;
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

    /** An amount as typed back into a form field: grouped digits, no currency. */
    public String amountInput(BigDecimal amount) {
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        number.setMaximumFractionDigits(2);
        return number.format(amount);
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
