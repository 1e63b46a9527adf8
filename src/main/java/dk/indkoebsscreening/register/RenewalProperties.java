package dk.indkoebsscreening.register;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code indkoeb.renewal.*}: when a system's contract comes up for renewal.
 *
 * @param leadTime how long before the notice deadline the owner and the coordinators are told and get the task (an ISO
 *                 period, e.g. P6M): time to re-screen and to tender before notice must be given
 */
@Validated
@ConfigurationProperties("indkoeb.renewal")
record RenewalProperties(@NotNull @DefaultValue("P6M") Period leadTime) {

    RenewalProperties {
        if (leadTime != null && leadTime.isNegative()) {
            throw new IllegalArgumentException("indkoeb.renewal.lead-time must not be negative");
        }
    }
}
