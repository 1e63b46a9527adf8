package dk.indkoebsscreening.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the lifecycle events on Kafka ({@code indkoeb.events.*}).
 *
 * @param source CloudEvents {@code source} of the installation's first municipality's events, e.g.
 *               {@code urn:indkoebsscreening:aarhus-kommune}: required, and taken into that municipality's settings at its
 *               first start; from then on each municipality's own setting is the source of its events
 */
@Validated
@ConfigurationProperties("indkoeb.events")
public record EventsProperties(@NotNull URI source, @NotNull @Valid Relay relay, @NotNull @Valid Topics topics,
                               @NotNull @Valid Health health, @NotNull @Valid OutboxRetention outboxRetention) {

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
    public record Relay(boolean enabled, @Positive @Max(10000) int batchSize,
                        @NotNull @DurationMin(millis = 1) Duration pollInterval,
                        @NotNull @DurationMin(millis = 1) Duration initialBackoff,
                        @NotNull @DurationMin(millis = 1) Duration maxBackoff, @DefaultValue("true") boolean wakeOnCommit,
                        @DurationMin(millis = 0) @DefaultValue("0ms") Duration coalesce) {
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
    public record Topics(@NotBlank String lifecycle, @NotBlank String decisions,
                         @Positive int partitions, @Positive short replicationFactor, @Positive int minInsyncReplicas,
                         @NotNull @DurationMin(millis = 1) Duration lifecycleRetention) {
    }

    /** @param maxOldestAge the outbox health turns DELAYED when an unpublished event is older than this */
    public record Health(@NotNull @DurationMin(millis = 1) Duration maxOldestAge) {
    }

    /**
     * @param keepPublished   how long a published event stays in the outbox before it is deleted; Kafka
     *                        has it from the moment it was published
     * @param cleanupInterval how often the deletion runs
     */
    public record OutboxRetention(@NotNull @DurationMin(millis = 1) Duration keepPublished,
                                  @NotNull @DurationMin(millis = 1) Duration cleanupInterval) {
    }
}
