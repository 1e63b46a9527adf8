package dk.indkoebsscreening.followup;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The follow-up of conditions.
 *
 * @param remindBefore working days before a condition's due date on which its owner is reminded
 */
@Validated
@ConfigurationProperties("indkoeb.followup")
public record FollowUpProperties(@DefaultValue("5") @Min(1) int remindBefore) {
}
