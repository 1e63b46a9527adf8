package dk.indkoebsscreening.deadline;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The expert group has one week from submission, counted as working days: the deadline falls at the
 * configured time of day on the n-th working day after the day of submission, and the reminder one
 * working day earlier.
 */
@Component
public class DeadlineCalculator {

    private final DeadlineProperties properties;
    private final WorkingDayCalendar calendar;

    public DeadlineCalculator(DeadlineProperties properties, WorkingDayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    public Deadline forSubmissionAt(Instant submittedAt) {
        LocalDate submissionDay = submittedAt.atZone(properties.zone()).toLocalDate();
        LocalDate dueDay = calendar.plusWorkingDays(submissionDay, properties.workingDays());
        LocalDate reminderDay = calendar.minusWorkingDays(dueDay, 1);
        return new Deadline(atTimeOfDay(dueDay), atTimeOfDay(reminderDay));
    }

    /** Working days left after today until the deadline day, as shown to users. */
    /** Working days after today until the deadline's day; 0 on the day itself and once it has passed. */
    public int workingDaysLeft(Instant now, Instant deadline) {
        return calendar.workingDaysBetween(
                now.atZone(properties.zone()).toLocalDate(), deadline.atZone(properties.zone()).toLocalDate());
    }

    /** Working days since the deadline's day, once it has passed; 0 before. */
    public int workingDaysOverdue(Instant now, Instant deadline) {
        return now.isAfter(deadline) ? calendar.workingDaysBetween(
                deadline.atZone(properties.zone()).toLocalDate(), now.atZone(properties.zone()).toLocalDate()) : 0;
    }

    private Instant atTimeOfDay(LocalDate day) {
        return day.atTime(properties.timeOfDay()).atZone(properties.zone()).toInstant();
    }
}
