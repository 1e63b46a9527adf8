package dk.indkoebsscreening.overview;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.overview.*}: the dashboard's figures are counted in the background.
 *
 * @param refreshInterval how often they are counted
 * @param maxAge          the page never shows figures older than this; 0 counts at every visit
 */
@Validated
@ConfigurationProperties("indkoeb.overview")
record OverviewProperties(@NotNull @DurationMin(millis = 1) Duration refreshInterval,
                          @NotNull @DurationMin(millis = 0) Duration maxAge) {
}
