package dk.indkoebsscreening.events.broker;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Runs the embedded broker and points every Kafka client of the application at it. Boot's Kafka
 * factories and admin take their bootstrap servers from {@link KafkaConnectionDetails}, so they
 * depend on the broker bean: Spring creates the broker first and destroys it last, after the
 * relay and the producers have stopped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "indkoeb.embedded-kafka.enabled", havingValue = "true")
class EmbeddedKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(EmbeddedKafkaProperties properties) {
        Path dataDirectory = StringUtils.hasText(properties.dataDirectory()) ? Path.of(properties.dataDirectory()) : null;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(properties.port(), properties.controllerPort(), dataDirectory);
        broker.start();
        log.info("Embedded Kafka broker listening on {} (data kept in {}); attach a consumer with --bootstrap-server {}",
                broker.bootstrapServers(), dataDirectory != null ? properties.dataDirectory() : "a temporary directory",
                broker.bootstrapServers());
        return broker;
    }

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }
}
