package dk.indkoebsscreening.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay, its producer and its record limit, the topics it writes to; scheduling for the outbox's retention. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "indkoeb.events.relay.enabled", havingValue = "true")
    OutboxRelay outboxRelay(OutboxStore store, CloudEventRecords records, KafkaProperties kafka,
                            KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles, RecordSizeLimit sizeLimit,
                            PlatformTransactionManager transactionManager, OutboxSignal signal,
                            EventsProperties properties, MeterRegistry meters, Clock clock) {
        return new OutboxRelay(store, records, producerConfig(kafka, connection, sslBundles.getIfAvailable()), sizeLimit,
                new TransactionTemplate(transactionManager), signal, properties.relay(), meters, clock);
    }

    /** The record limit the relay's producer works with: the relay sets aside what exceeds it, a correction must fit it. */
    @Bean
    RecordSizeLimit recordSizeLimit(KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles) {
        return RecordSizeLimit.of(producerConfig(kafka, connection, sslBundles.getIfAvailable()));
    }

    /**
     * {@code spring.kafka.producer.*} (timeouts, security) plus what the relay's guarantees rest
     * on, which no setting may weaken: every in-sync replica has the record before the ack, and
     * retries neither duplicate nor reorder records within a partition.
     */
    static Map<String, Object> producerConfig(KafkaProperties kafka, KafkaConnectionDetails connection,
                                              SslBundles sslBundles) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(sslBundles));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducer().getBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "indkoebsscreening-outbox-relay");
        return config;
    }

    /**
     * Every lifecycle event, keyed by request id. Time-based retention: consumers that fall further
     * behind than this rebuild from the decisions topic or our API.
     */
    @Bean
    NewTopic lifecycleTopic(EventsProperties properties) {
        EventsProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.lifecycle())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topics.lifecycleRetention().toMillis()))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
                .build();
    }

    /**
     * The decisions, keyed by request id and compacted: a request is decided once, so the topic
     * keeps every decision ever made (and drops redelivered duplicates in time), and a new
     * integrator can read all decisions from the beginning.
     */
    @Bean
    NewTopic decisionsTopic(EventsProperties properties) {
        EventsProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.decisions())
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .compact()
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
                .build();
    }
}
