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
        int count = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
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
