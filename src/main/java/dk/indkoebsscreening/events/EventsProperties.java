package dk.indkoebsscreening.events;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the lifecycle events on Kafka ({@code indkoeb.events.*}).
 *
 * @param source CloudEvents {@code source} of every event, e.g. {@code urn:indkoebsscreening:aarhus-kommune}
 */
@ConfigurationProperties("indkoeb.events")
public record EventsProperties(URI source, Relay relay, Topics topics, Health health, OutboxRetention outboxRetention) {

    /**
     * @param enabled        relay the outbox to Kafka from this instance
     * @param batchSize      the oldest events read and sent per relay round (beside a backlog up to as many of the newest steps' too)
     * @param pollInterval   safety-net poll; commits wake the relay at once
     * @param initialBackoff first pause after Kafka failed; doubles up to {@code maxBackoff}
     * @param wakeOnCommit   a commit wakes the relay at once (default); {@code false} polls only, which
     *                       the benchmark uses as the untuned baseline
     * @param coalesce       how long a woken relay waits before its round, so that the commits of the next
     *                       few milliseconds go out with it in one round instead of a round each
     */
    public record Relay(boolean enabled, int batchSize, Duration pollInterval, Duration initialBackoff,
                        Duration maxBackoff, @DefaultValue("true") boolean wakeOnCommit,
                        @DefaultValue("0ms") Duration coalesce) {
    }

    /**
     * @param lifecycle         every lifecycle event of every request, keyed by request id
     * @param decisions         only the decisions ({@code decision.made.v1}), the same events (same id) as on the
     *                          lifecycle topic
     * @param partitions        partitions of both topics when the application creates them
     * @param replicationFactor 1 on a single local broker, 3 in production
     * @param minInsyncReplicas with acks=all, how many replicas must have a record; 2 in production
     * @param lifecycleRetention how long the lifecycle topic keeps records (the decisions topic is compacted)
     */
    public record Topics(String lifecycle, String decisions, int partitions, short replicationFactor,
                         int minInsyncReplicas, Duration lifecycleRetention) {
    }

    /** @param maxOldestAge the outbox health turns DELAYED when an unpublished event is older than this */
    public record Health(Duration maxOldestAge) {
    }

    /**
     * @param keepPublished   how long a published event stays in the outbox before it is deleted; Kafka
     *                        has it from the moment it was published
     * @param cleanupInterval how often the deletion runs
     */
    public record OutboxRetention(Duration keepPublished, Duration cleanupInterval) {
    }
}
