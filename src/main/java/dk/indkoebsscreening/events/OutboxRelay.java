package dk.indkoebsscreening.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events to Kafka, at least once and in order per request: a round in one
 * database transaction takes the relay lease (one instance at a time), reads the oldest unpublished events
 * in {@code seq} order (beside a backlog also the newest steps' events, {@link OutboxStore#firstWaitingAmongNewest}), sends
 * them, waits for the acknowledgements and marks those published. While Kafka
 * fails, a round sends only the oldest event as a probe. Why each of these choices, with the fault that
 * showed it: docs/events.md, "The relay".
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** A drain refreshes the outbox's statistics this often, no more; the newest steps go beside it only meanwhile. */
    private static final Duration STATISTICS_INTERVAL = Duration.ofMinutes(1);

    enum Outcome {
        /** Another instance holds the lease. */
        LEASE_HELD_ELSEWHERE,
        NOTHING_TO_PUBLISH,
        /** Published everything read; the backlog may be empty. */
        PUBLISHED,
        /** Published a full batch; more are probably waiting. */
        PUBLISHED_FULL_BATCH,
        /** Kafka (or the database) failed; events acknowledged before the first failure are marked published, the rest is retried. */
        FAILED
    }

    record RoundResult(Outcome outcome, Exception failure) {
    }

    private final OutboxStore store;
    private final CloudEventRecords records;
    private final Map<String, Object> producerConfig;
    private final TransactionTemplate transactions;
    private final OutboxSignal signal;
    private final EventsProperties.Relay settings;
    private final Clock clock;
    private final Timer commitToAck;
    private final Counter publishedCounter;

    private volatile boolean running;
    /** When the outbox's statistics were last refreshed for a backlog. */
    private volatile long statisticsRefreshedNanos = System.nanoTime() - STATISTICS_INTERVAL.toNanos();
    private Thread worker;
    private Producer<String, byte[]> producer;

    OutboxRelay(OutboxStore store, CloudEventRecords records, Map<String, Object> producerConfig,
                TransactionTemplate transactions, OutboxSignal signal, EventsProperties.Relay settings,
                MeterRegistry meters, Clock clock) {
        this.store = store;
        this.records = records;
        this.producerConfig = producerConfig;
        this.transactions = transactions;
        this.signal = signal;
        this.settings = settings;
        this.clock = clock;
        this.commitToAck = Timer.builder("indkoeb.outbox.commit-to-ack")
                .description("From the commit of the step that wrote an event to Kafka's acknowledgement of it")
                .publishPercentiles(0.5, 0.95, 0.99)
                .percentilePrecision(2)
                .publishPercentileHistogram()
                .register(meters);
        this.publishedCounter = Counter.builder("indkoeb.outbox.published")
                .description("Outbox events acknowledged by Kafka")
                .register(meters);
    }

    /** One relay round (also called by tests, next to the relay's own thread: the lease makes that safe). */
    RoundResult relayOnce() {
        return relayOnce(settings.batchSize());
    }

    /**
     * One relay round of the oldest {@code limit} events; beside a backlog (a full batch) also up to {@code limit}
     * of the newest steps' events, once the planner knows of the backlog (see {@link #withNewestSteps}).
     */
    RoundResult relayOnce(int limit) {
        RoundResult result = round(limit);
        if (result.outcome() == Outcome.PUBLISHED_FULL_BATCH && !statisticsAreRecent()) {
            refreshStatistics();
        }
        return result;
    }

    private RoundResult round(int limit) {
        return transactions.execute(status -> {
            if (!store.tryTakeRelayLease()) {
                return new RoundResult(Outcome.LEASE_HELD_ELSEWHERE, null);
            }
            List<OutboxEvent> batch = store.oldestUnpublished(limit);
            if (batch.isEmpty()) {
                return new RoundResult(Outcome.NOTHING_TO_PUBLISH, null);
            }
            boolean backlog = limit > 1 && batch.size() == limit;
            if (backlog && statisticsAreRecent()) {
                batch = withNewestSteps(batch, limit);
            }
            List<SentEvent> sent = send(batch);
            List<Long> acknowledged = new ArrayList<>();
            Exception failure = null;
            // Only the acknowledged prefix counts as published: an event after a failed one is sent
            // again after it, so the last copy of every event on Kafka is in seq order.
            for (SentEvent event : sent) {
                try {
                    long ackNanos = event.awaitAcknowledgement();
                    if (failure == null) {
                        acknowledged.add(event.event().seq());
                        recordLatency(event, ackNanos);
                    }
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            store.markPublished(acknowledged, clock.instant());
            publishedCounter.increment(acknowledged.size());
            Outcome outcome = failure != null ? Outcome.FAILED
                    : backlog ? Outcome.PUBLISHED_FULL_BATCH : Outcome.PUBLISHED;
            return new RoundResult(outcome, failure);
        });
    }

    /**
     * Beside a backlog, the newest steps' events go along (OutboxStore#firstWaitingAmongNewest), so the drain does
     * not hold them up. Only with statistics refreshed after the backlog came: with those of an empty outbox the
     * planner makes that query cost seconds.
     */
    private List<OutboxEvent> withNewestSteps(List<OutboxEvent> backlog, int limit) {
        List<OutboxEvent> batch = new ArrayList<>(backlog);
        batch.addAll(store.firstWaitingAmongNewest(backlog.get(backlog.size() - 1).seq(), limit));
        return batch;
    }

    private boolean statisticsAreRecent() {
        return System.nanoTime() - statisticsRefreshedNanos < STATISTICS_INTERVAL.toNanos();
    }

    /** Outside the round's transaction: a failure here must not abort a round (or look like Kafka failing). */
    private void refreshStatistics() {
        statisticsRefreshedNanos = System.nanoTime();
        try {
            store.refreshStatistics();
        } catch (RuntimeException e) {
            log.warn("Cannot refresh the outbox's statistics ({}); a large backlog drains without the newest steps beside it",
                    describe(e));
            statisticsRefreshedNanos = System.nanoTime() - STATISTICS_INTERVAL.toNanos();
        }
    }

    /** Sends every record of the batch without waiting; stops at the first send that fails at once. */
    private List<SentEvent> send(List<OutboxEvent> batch) {
        List<SentEvent> sent = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            List<CompletableFuture<Long>> acknowledgements = new ArrayList<>(2);
            for (ProducerRecord<String, byte[]> record : records.recordsFor(event)) {
                acknowledgements.add(sendOne(producer, record));
            }
            sent.add(new SentEvent(event, acknowledgements));
            if (acknowledgements.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
                // Kafka is unreachable (e.g. no metadata within max.block.ms): each further send would block as long.
                break;
            }
        }
        return sent;
    }

    /** A future of the System.nanoTime() at which Kafka acknowledged the record. */
    private static CompletableFuture<Long> sendOne(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        CompletableFuture<Long> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    acknowledged.complete(System.nanoTime());
                } else {
                    acknowledged.completeExceptionally(exception);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private void recordLatency(SentEvent event, long ackNanos) {
        Long commitNanos = signal.takeCommitNanos(event.event().id());
        if (commitNanos != null) {
            // Kafka can acknowledge an event before its writer's afterCommit has noted the commit time
            // (the database commit came first): that is no latency, not a negative one.
            commitToAck.record(Math.max(0, ackNanos - commitNanos), TimeUnit.NANOSECONDS);
        }
    }

    private record SentEvent(OutboxEvent event, List<CompletableFuture<Long>> acknowledgements) {

        /** When the last of the event's records was acknowledged; the producer's delivery timeout bounds the wait. */
        long awaitAcknowledgement() throws ExecutionException {
            long last = 0;
            for (CompletableFuture<Long> acknowledgement : acknowledgements) {
                try {
                    last = Math.max(last, acknowledgement.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
            return last;
        }
    }

    private void run() {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        Long failingSinceNanos = null;
        while (running) {
            RoundResult result;
            try {
                // A probe of one event while Kafka is failing, so a broker that returns mid-round gets few duplicates.
                result = relayOnce(failingSinceNanos == null ? settings.batchSize() : 1);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                result = new RoundResult(Outcome.FAILED, e);
            }
            try {
                if (result.outcome() == Outcome.FAILED) {
                    if (failingSinceNanos == null) {
                        failingSinceNanos = System.nanoTime();
                        log.warn("Outbox relay cannot publish ({}); events stay in the outbox and are retried "
                                + "with a backoff of up to {} s", describe(result.failure()), settings.maxBackoff().toSeconds());
                    }
                    Thread.sleep(backoff.next().toMillis());
                    continue;
                }
                if (failingSinceNanos != null) {
                    log.info("Outbox relay publishes again after {} s",
                            Duration.ofNanos(System.nanoTime() - failingSinceNanos).toSeconds());
                    failingSinceNanos = null;
                    backoff.reset();
                }
                if (result.outcome() != Outcome.PUBLISHED_FULL_BATCH) {
                    if (settings.wakeOnCommit()) {
                        signal.awaitCommit(settings.pollInterval());
                        if (!settings.coalesce().isZero()) {
                            Thread.sleep(settings.coalesce().toMillis());
                        }
                    } else {
                        Thread.sleep(settings.pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String describe(Exception failure) {
        return failure == null ? "unknown cause" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** Exponential pause while Kafka is down, so a dead broker costs neither CPU nor log lines. */
    private static final class Backoff {
        private final Duration initial;
        private final Duration max;
        private Duration current;

        Backoff(Duration initial, Duration max) {
            this.initial = initial;
            this.max = max;
            this.current = initial;
        }

        Duration next() {
            Duration pause = current;
            current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
            return pause;
        }

        void reset() {
            current = initial;
        }
    }

    @Override
    public void start() {
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Lets a round in progress finish (it takes milliseconds when Kafka is up), interrupts one that
     * waits for a dead Kafka (it rolls back; its events are sent again after the restart), then
     * closes the producer. Runs before beans are destroyed, so before the embedded broker stops.
     */
    @Override
    public void stop() {
        running = false;
        signal.wakeUp();
        try {
            worker.join(Duration.ofSeconds(2).toMillis());
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(Duration.ofSeconds(5).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** After the web server has stopped taking requests, so the last steps' events still go out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
