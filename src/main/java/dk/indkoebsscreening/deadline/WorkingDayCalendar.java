package dk.indkoebsscreening.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Working days of a Danish municipality: not weekends, public holidays or configured closed days. */
@Component
public class WorkingDayCalendar {

    private final Set<MonthDay> closedDays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();
    /**
     * Per year, the working days from 1 January up to and including each day (index: the day of the year less one), so
     * that counting the working days between two dates costs a look-up, not a walk through every day: a steering report
     * counts them for tens of thousands of durations, some of them years long.
     */
    private final Map<Integer, int[]> workingDaysThroughByYear = new ConcurrentHashMap<>();

    public WorkingDayCalendar(DeadlineProperties properties) {
        this.closedDays = properties.closedDays();
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !closedDays.contains(MonthDay.from(date))
                && !holidaysByYear.computeIfAbsent(date.getYear(), DanishHolidays::of).contains(date);
    }

    /** The date that lies {@code workingDays} working days after {@code date} (which itself does not count). */
    public LocalDate plusWorkingDays(LocalDate date, int workingDays) {
        return step(date, workingDays, 1);
    }

    public LocalDate minusWorkingDays(LocalDate date, int workingDays) {
        return step(date, workingDays, -1);
    }

    /** Working days after today up to and including {@code until}; 0 when it has passed. */
    public int workingDaysBetween(LocalDate today, LocalDate until) {
        if (!until.isAfter(today)) {
            return 0;
        }
        int count = workingDaysThrough(until) - workingDaysThrough(today);
        for (int year = today.getYear(); year < until.getYear(); year++) {
            count += workingDaysIn(year);
        }
        return count;
    }

    /** Working days from 1 January of the date's year up to and including the date. */
    private int workingDaysThrough(LocalDate date) {
        return workingDaysThroughByYear.computeIfAbsent(date.getYear(), this::countThroughEachDay)[date.getDayOfYear() - 1];
    }

    private int workingDaysIn(int year) {
        int[] through = workingDaysThroughByYear.computeIfAbsent(year, this::countThroughEachDay);
        return through[through.length - 1];
    }

    private int[] countThroughEachDay(int year) {
        LocalDate first = LocalDate.ofYearDay(year, 1);
        int[] through = new int[first.lengthOfYear()];
        int count = 0;
        for (int i = 0; i < through.length; i++) {
            count += isWorkingDay(first.plusDays(i)) ? 1 : 0;
            through[i] = count;
        }
        return through;
    }

    private LocalDate step(LocalDate date, int workingDays, int direction) {
        LocalDate day = date;
        int remaining = workingDays;
        while (remaining > 0) {
            day = day.plusDays(direction);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }
}
