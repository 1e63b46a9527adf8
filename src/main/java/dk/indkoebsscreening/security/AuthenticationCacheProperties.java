package dk.indkoebsscreening.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param authenticationCache how long a successful login (HTTP Basic or form) is remembered, as a salted digest:
 *                            a changed password or group takes effect after at most this; 0 checks every call
 *                            against the identity service
 */
@Validated
@ConfigurationProperties("indkoeb.security")
record AuthenticationCacheProperties(@NotNull @DurationMin(millis = 0) @DefaultValue("30s") Duration authenticationCache) {
}
