package dk.indkoebsscreening.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import dk.indkoebsscreening.system.Tenancy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
 * fails, a round sends only the oldest event as a probe. An event refused for good (too large, invalid, no record at
 * all) is set aside as a dead letter instead of being retried forever: the later events of its request wait behind it,
 * every other request's go on. Why each of these choices, with the fault that showed it: docs/events.md, "The relay".
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

    /**
     * @param published how many events Kafka acknowledged and the round marked published
     * @param setAside  the events the round set aside
     */
    record RoundResult(Outcome outcome, Exception failure, int published, List<SetAside> setAside) {

        static RoundResult of(Outcome outcome) {
            return new RoundResult(outcome, null, 0, List.of());
        }
    }

    /**
     * An event set aside: why, and how many later events of its request wait behind it.
     */
    record SetAside(OutboxEvent event, String reason, long waitingBehind) {
    }

    /** The longest reason kept (the column's length); Kafka's messages are far shorter. */
    static final int MAX_REASON_LENGTH = 1000;

    private final OutboxStore store;
    private final CloudEventRecords records;
    private final Map<String, Object> producerConfig;
    private final RecordSizeLimit sizeLimit;
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

    /** @param sizeLimit the limit of the producer made from {@code producerConfig} (RecordSizeLimit#of) */
    OutboxRelay(OutboxStore store, CloudEventRecords records, Map<String, Object> producerConfig, RecordSizeLimit sizeLimit,
                TransactionTemplate transactions, OutboxSignal signal, EventsProperties.Relay settings,
                MeterRegistry meters, Clock clock) {
        this.store = store;
        this.records = records;
        this.producerConfig = producerConfig;
        this.sizeLimit = sizeLimit;
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
        // After the commit: a round that rolled back set nothing aside, and its next try logs it then.
        result.setAside().forEach(OutboxRelay::report);
        if (result.outcome() == Outcome.PUBLISHED_FULL_BATCH && !statisticsAreRecent()) {
            refreshStatistics();
        }
        return result;
    }

    private RoundResult round(int limit) {
        return transactions.execute(status -> {
            if (!store.tryTakeRelayLease()) {
                return RoundResult.of(Outcome.LEASE_HELD_ELSEWHERE);
            }
            List<OutboxEvent> batch = store.oldestUnpublished(limit);
            if (batch.isEmpty()) {
                return RoundResult.of(Outcome.NOTHING_TO_PUBLISH);
            }
            boolean backlog = limit > 1 && batch.size() == limit;
            if (backlog && statisticsAreRecent()) {
                batch = withNewestSteps(batch, limit);
            }
            Round round = new Round();
            List<SentEvent> sent = send(batch, round);
            List<Long> acknowledged = new ArrayList<>();
            Exception failure = null;
            // Per request, only the acknowledged prefix counts as published: an event after a failed or refused one
            // of its request is sent again after it (even if Kafka has it already: the broker may refuse an event
            // after the next was sent), so the last copy of every event of a request on Kafka is in seq order.
            for (SentEvent event : sent) {
                try {
                    long ackNanos = event.awaitAcknowledgement();
                    if (round.goesOn(event.event())) {
                        acknowledged.add(event.event().seq());
                        recordLatency(event, ackNanos);
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (refusedForGood(cause)) {
                        round.setAside(event.event(), cause);
                    } else {
                        round.stop(event.event());
                        if (failure == null) {
                            failure = cause instanceof Exception exception ? exception : e;
                        }
                    }
                }
            }
            Instant now = clock.instant();
            store.markPublished(acknowledged, now);
            publishedCounter.increment(acknowledged.size());
            List<SetAside> setAside = round.refused().stream()
                    .map(refused -> setAside(refused.event(), refused.reason(), now))
                    .toList();
            Outcome outcome = failure != null ? Outcome.FAILED
                    : backlog ? Outcome.PUBLISHED_FULL_BATCH : Outcome.PUBLISHED;
            return new RoundResult(outcome, failure, acknowledged.size(), setAside);
        });
    }

    private SetAside setAside(OutboxEvent event, String reason, Instant now) {
        store.setAside(event.seq(), reason, now);
        return new SetAside(event, reason, store.waitingBehind(event.requestId(), event.seq()));
    }

    /** One ERROR per event set aside (a set-aside event is read no more, so no round repeats it). */
    private static void report(SetAside setAside) {
        OutboxEvent event = setAside.event();
        long waiting = setAside.waitingBehind();
        log.error("Outbox event {} ({} of {}) is set aside and not published, refused for good ({}); {} behind it until an "
                        + "administrator re-sends it ({}), and health \"outbox\" is DOWN meanwhile",
                event.id(), event.type(), event.subject(), setAside.reason(),
                waiting == 1 ? "1 later event of the request waits" : waiting + " later events of the request wait",
                DeadLettersPage.PATH);
    }

    /**
     * Refusals that concern the event, not Kafka: the same event is refused on every try while the next may well go.
     * Timeouts, network failures, missing replicas, authorization and configuration errors hit every event alike:
     * those are retried with the backoff, however long they last.
     */
    static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException;
    }

    static String reasonOf(Throwable refusal) {
        String reason = refusal.getMessage() == null ? refusal.getClass().getSimpleName()
                : refusal.getClass().getSimpleName() + ": " + refusal.getMessage();
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    /**
     * What a round decided per request: a request stops at its first failed or refused event (the later ones are
     * neither sent nor counted as published in this round; the earlier ones are), and which events it set aside.
     */
    private static final class Round {

        private record Refused(OutboxEvent event, String reason) {
        }

        /** Per request, the seq of the event it stopped at. */
        private final Map<UUID, Long> stoppedAt = new HashMap<>();
        private final List<Refused> refused = new ArrayList<>();

        boolean goesOn(OutboxEvent event) {
            Long stop = stoppedAt.get(event.requestId());
            return stop == null || event.seq() < stop;
        }

        void stop(OutboxEvent event) {
            stoppedAt.merge(event.requestId(), event.seq(), Math::min);
        }

        /** Unless its request stopped at an earlier event: then it waits, and is judged when its turn comes. */
        void setAside(OutboxEvent event, Throwable refusal) {
            if (goesOn(event)) {
                stop(event);
                refused.add(new Refused(event, reasonOf(refusal)));
            }
        }

        List<Refused> refused() {
            return refused;
        }
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

    /**
     * Sends every record of the batch without waiting, but sets aside at once an event that is no record (an unknown
     * type) or a record larger than the producer sends, and then sends no later event of its request; stops at the
     * first send that fails at once for another reason.
     */
    private List<SentEvent> send(List<OutboxEvent> batch, Round round) {
        List<SentEvent> sent = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            if (!round.goesOn(event)) {
                continue;
            }
            List<ProducerRecord<String, byte[]>> eventRecords;
            try {
                eventRecords = records.recordsFor(event);
            } catch (RuntimeException e) {
                round.setAside(event, e);
                continue;
            }
            Optional<RecordTooLargeException> tooLarge = eventRecords.stream().map(sizeLimit::refusalOf)
                    .filter(Objects::nonNull).findFirst();
            if (tooLarge.isPresent()) {
                round.setAside(event, tooLarge.get());
                continue;
            }
            List<CompletableFuture<Long>> acknowledgements = new ArrayList<>(2);
            for (ProducerRecord<String, byte[]> record : eventRecords) {
                acknowledgements.add(sendOne(producer, record));
            }
            Optional<Throwable> failedAtOnce = acknowledgements.stream().filter(CompletableFuture::isCompletedExceptionally)
                    .map(acknowledgement -> acknowledgement.handle((at, failure) -> failure).join()).findFirst();
            if (failedAtOnce.isPresent() && refusedForGood(failedAtOnce.get())) {
                round.setAside(event, failedAtOnce.get());
                continue;
            }
            sent.add(new SentEvent(event, acknowledgements));
            if (failedAtOnce.isPresent()) {
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
                result = new RoundResult(Outcome.FAILED, e, 0, List.of());
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
                if (failingSinceNanos != null && result.published() == 0 && !result.setAside().isEmpty()) {
                    // The probe's event was set aside, most likely without a word from Kafka: probe with the next.
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
        // One relay publishes every municipality's events, each with its own municipality's attributes.
        worker = new Thread(() -> Tenancy.runAcross(this::run), "outbox-relay");
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
