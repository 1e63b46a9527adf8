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
        return forSubmissionAt(submittedAt, properties.workingDays());
    }

    /** The same with a week of its own length (a fast track's), at least the two days a reminder needs. */
    public Deadline forSubmissionAt(Instant submittedAt, int workingDays) {
        if (workingDays < 2) {
            throw new IllegalArgumentException("A deadline needs at least 2 working days to leave room for the reminder, not " + workingDays);
        }
        return endingOn(calendar.plusWorkingDays(submittedAt.atZone(properties.zone()).toLocalDate(), workingDays));
    }

    /** The deadline {@code workingDays} working days after {@code dueAt}'s day (a pause), its reminder one earlier. */
    public Deadline movedBy(Instant dueAt, int workingDays) {
        return endingOn(calendar.plusWorkingDays(dueAt.atZone(properties.zone()).toLocalDate(), workingDays));
    }

    private Deadline endingOn(LocalDate dueDay) {
        return new Deadline(atTimeOfDay(dueDay), atTimeOfDay(calendar.minusWorkingDays(dueDay, 1)));
    }

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
