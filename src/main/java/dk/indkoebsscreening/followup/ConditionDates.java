package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.deadline.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * When a condition falls due and when its owner is reminded: on the due date, and the configured working days before
 * it, at the time of day the screening's deadline falls, in the municipality's zone.
 */
@Component
class ConditionDates {

    private final DeadlineProperties deadline;
    private final WorkingDayCalendar calendar;
    private final FollowUpProperties properties;

    ConditionDates(DeadlineProperties deadline, WorkingDayCalendar calendar, FollowUpProperties properties) {
        this.deadline = deadline;
        this.calendar = calendar;
        this.properties = properties;
    }

    Instant dueAt(LocalDate due) {
        return due.atTime(deadline.timeOfDay()).atZone(deadline.zone()).toInstant();
    }

    Instant remindAt(LocalDate due) {
        return dueAt(calendar.minusWorkingDays(due, properties.remindBefore()));
    }
}
