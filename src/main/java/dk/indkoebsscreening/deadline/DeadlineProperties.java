package dk.indkoebsscreening.deadline;

import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the expert group's "one week" is counted.
 *
 * @param workingDays  working days from the day of submission to the deadline
 * @param timeOfDay    local time of day at which the deadline (and the reminder) falls
 * @param zone         the municipality's time zone
 * @param closedDays   fixed days on which the municipality is closed besides the public holidays
 *                     (commonly Constitution Day, Christmas Eve and New Year's Eve)
 */
@Validated
@ConfigurationProperties("indkoeb.deadline")
public record DeadlineProperties(int workingDays, @NotNull LocalTime timeOfDay, @NotNull ZoneId zone, Set<MonthDay> closedDays) {

    public DeadlineProperties {
        if (workingDays < 2) {
            throw new IllegalArgumentException("indkoeb.deadline.working-days must be at least 2 to leave room for the reminder");
        }
        closedDays = closedDays == null ? Set.of() : Set.copyOf(closedDays);
    }
}
