package dk.indkoebsscreening.events;

import static org.awaitility.Awaitility.await;

import dk.indkoebsscreening.screening.ChecklistProperties;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.Lifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Commit-to-Kafka-acknowledgement latency of the outbox relay under a lifecycle workload: C clients
 * run N requests through the API from submission to decision against the embedded PostgreSQL and the
 * embedded Kafka broker. Not a test (no pass or fail) and not part of {@code mvn verify}; run with
 * {@code ./mvnw -Pbenchmark test} (see BENCHMARKS.md).
 *
 * <p>The latency is what the relay records per event: from the {@code afterCommit} of the step's
 * transaction to the producer's acknowledgement callback (acks=all).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // One histogram over the whole run instead of Micrometer's sliding two-minute window.
        "management.metrics.distribution.expiry[indkoeb.outbox.commit-to-ack]=1h",
        "management.metrics.distribution.buffer-length[indkoeb.outbox.commit-to-ack]=1"})
class CommitToAckLatencyBenchmark {

    private static final int LIFECYCLES = Integer.getInteger("benchmark.lifecycles", 60);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    private static final int WARM_UP_LIFECYCLES = 5;

    @LocalServerPort
    int port;
    @Autowired
    ChecklistProperties checklists;
    @Autowired
    MeterRegistry meters;
    @Autowired
    OutboxStore store;

    @Test
    void commitToKafkaAcknowledgement() throws Exception {
        Lifecycle lifecycle = new Lifecycle(new ApiClient(port), checklists);
        for (int i = 0; i < WARM_UP_LIFECYCLES; i++) {
            lifecycle.runToApproval("anna", "Opvarmning " + i);
        }
        awaitEmptyOutbox();
        Timer timer = meters.get("indkoeb.outbox.commit-to-ack").timer();
        long warmUpEvents = timer.count();

        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<String>> runs = new ArrayList<>();
        for (int i = 0; i < LIFECYCLES; i++) {
            String title = "Benchmark " + i;
            String requester = i % 2 == 0 ? "anna" : "bent";
            runs.add(clients.submit(() -> lifecycle.runToApproval(requester, title)));
        }
        for (Future<String> run : runs) {
            run.get();
        }
        clients.shutdown();
        awaitEmptyOutbox();
        double seconds = (System.nanoTime() - started) / 1e9;

        HistogramSnapshot snapshot = timer.takeSnapshot();
        System.out.printf("%nCommit-to-Kafka-acknowledgement latency (outbox relay, acks=all)%n");
        System.out.printf("  workload     %d lifecycles (%d events) by %d concurrent API clients in %.1f s, after %d warm-up lifecycles%n",
                LIFECYCLES, snapshot.count() - warmUpEvents, CLIENTS, seconds, WARM_UP_LIFECYCLES);
        for (ValueAtPercentile percentile : snapshot.percentileValues()) {
            System.out.printf("  p%-10s  %.1f ms%n", Math.round(percentile.percentile() * 100), percentile.value(TimeUnit.MILLISECONDS));
        }
        System.out.printf("  mean         %.1f ms%n  max          %.1f ms%n  (histogram over all %d events incl. warm-up)%n",
                snapshot.mean(TimeUnit.MILLISECONDS), snapshot.max(TimeUnit.MILLISECONDS), snapshot.count());
    }

    private void awaitEmptyOutbox() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> store.backlog().size() == 0);
    }
}
