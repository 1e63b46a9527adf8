package dk.indkoebsscreening.events.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled        start a Kafka broker inside the application (the one-command local run, tests)
 * @param port           client port on 127.0.0.1; 0 picks a free one
 * @param controllerPort KRaft controller port on 127.0.0.1; 0 picks a free one
 * @param dataDirectory  where the log is kept across restarts; empty for a temporary directory
 */
@ConfigurationProperties("indkoeb.embedded-kafka")
public record EmbeddedKafkaProperties(boolean enabled, int port, int controllerPort, String dataDirectory) {
}
