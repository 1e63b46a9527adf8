package dk.indkoebsscreening.task;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.absence.*}.
 *
 * @param checkInterval how often the tasks of people whose absence has begun go back to their groups
 */
@Validated
@ConfigurationProperties("indkoeb.absence")
record AbsenceProperties(@NotNull @DurationMin(millis = 1) Duration checkInterval) {
}
