package dk.indkoebsscreening.events.broker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled        start a Kafka broker inside the application (the one-command local run, tests)
 * @param port           client port on 127.0.0.1; 0 picks a free one
 * @param controllerPort KRaft controller port on 127.0.0.1; 0 picks a free one
 * @param dataDirectory  where the log is kept across restarts; empty for a temporary directory
 */
@Validated
@ConfigurationProperties("indkoeb.embedded-kafka")
public record EmbeddedKafkaProperties(boolean enabled, @Min(0) @Max(65535) int port, @Min(0) @Max(65535) int controllerPort,
                                      String dataDirectory) {
}
