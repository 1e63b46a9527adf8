package dk.indkoebsscreening.satisfaction;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param remindAfter how long after the question the one reminder goes to a requester who has not answered
 */
@Validated
@ConfigurationProperties("indkoeb.satisfaction")
public record SatisfactionProperties(@NotNull Duration remindAfter) {
}
