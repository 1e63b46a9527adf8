package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Figures as a Danish reader expects them, from the application's own message bundle. */
class FormatsTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    /** Tuesday 1 December 2026, 10:00 in Copenhagen. */
    private static final Instant NOW = LocalDateTime.parse("2026-12-01T10:00").atZone(COPENHAGEN).toInstant();

    private final Formats formats = formats();

    private static Formats formats() {
        DeadlineProperties deadline = new DeadlineProperties(5, LocalTime.of(16, 0), COPENHAGEN, Set.of(MonthDay.of(12, 24)));
        return new Formats(deadline, new DeadlineCalculator(deadline, new WorkingDayCalendar(deadline)), messages(),
                Clock.fixed(NOW, COPENHAGEN));
    }

    @BeforeEach
    void danish() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void amountsKeepTheirOereAndGroupTheThousands() {
        assertThat(formats.amount(new BigDecimal("48500.5"))).isEqualTo("48.500,50 kr.");
        assertThat(formats.amount(new BigDecimal("250000.00"))).isEqualTo("250.000 kr.");
        assertThat(formats.number(1200)).isEqualTo("1.200");
    }

    @Test
    void durationsUseTheUnitThatMakesThemReadable() {
        assertThat(formats.hours(0.1 / 3600)).isEqualTo("under 1 sek.");
        assertThat(formats.hours(30 / 3600.0)).isEqualTo("30 sek.");
        assertThat(formats.hours(0.5)).isEqualTo("30 min");
        assertThat(formats.hours(3.46)).isEqualTo("3,5 timer");
    }

    @Test
    void barsOfEqualLabelsAreEquallyLong() {
        double[][] sameLabel = {{0.1 / 3600, 0.4 / 3600}, {20.2 / 60, 19.8 / 60}, {3.46, 3.54}};
        for (double[] pair : sameLabel) {
            assertThat(formats.hours(pair[0])).isEqualTo(formats.hours(pair[1]));
            assertThat(formats.roundedHours(pair[0])).isEqualTo(formats.roundedHours(pair[1]));
        }
        assertThat(formats.roundedHours(3.46)).isEqualTo(3.5);
    }

    @Test
    void timeLeftIsCountedInWorkingDaysAndSaysWhenItIsOverdue() {
        Instant fridayAt16 = LocalDateTime.parse("2026-12-04T16:00").atZone(COPENHAGEN).toInstant();
        assertThat(formats.timeLeft(fridayAt16)).isEqualTo("3 arbejdsdage tilbage");
        assertThat(formats.isOverdue(fridayAt16)).isFalse();
        assertThat(formats.timeLeft(NOW.plusSeconds(3600))).isEqualTo("Fristen er i dag");
        Instant lastWednesday = LocalDateTime.parse("2026-11-25T16:00").atZone(COPENHAGEN).toInstant();
        assertThat(formats.timeLeft(lastWednesday)).isEqualTo("Overskredet med 4 arbejdsdage");
        assertThat(formats.isOverdue(lastWednesday)).isTrue();
        assertThat(formats.timeLeft(NOW.minusSeconds(60))).isEqualTo("Overskredet i dag");
    }

    @Test
    void monthsAreWrittenOut() {
        assertThat(formats.month("2026-12")).isEqualTo("december 2026");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "ui");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
