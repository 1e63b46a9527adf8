package dk.indkoebsscreening.overview;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.overview.*}: the dashboard's figures are counted in the background while people look at them.
 *
 * @param refreshInterval how often the background looks for figures to count
 * @param maxAge          the page never shows figures older than this; 0 counts at every visit
 * @param keptWarm        figures nobody asked for in this long are no longer counted in the background: the next visit
 *                        counts them (a few hundred milliseconds at 100,000 requests)
 */
@Validated
@ConfigurationProperties("indkoeb.overview")
record OverviewProperties(@NotNull @DurationMin(millis = 1) Duration refreshInterval,
                          @NotNull @DurationMin(millis = 0) Duration maxAge,
                          @NotNull @DurationMin(millis = 0) Duration keptWarm) {
}
