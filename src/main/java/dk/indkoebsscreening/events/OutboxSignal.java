package dk.indkoebsscreening.events;

import dk.indkoebsscreening.system.Wakeup;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the relay that an outbox event has committed, so it publishes at once instead of at the
 * next poll, and remembers when it committed so the relay can measure commit-to-acknowledgement
 * latency.
 */
@Component
class OutboxSignal {

    /** Commit times of events another instance relays are never taken; the oldest are dropped. */
    private static final int MAX_REMEMBERED_COMMITS = 10_000;

    private final Wakeup wakeup = new Wakeup();
    private final Map<UUID, Long> commitNanos = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > MAX_REMEMBERED_COMMITS;
        }
    });

    void committed(UUID eventId) {
        commitNanos.put(eventId, System.nanoTime());
        wakeup.signal();
    }

    /** System.nanoTime() of the event's commit in this instance, or null when unknown here. */
    Long takeCommitNanos(UUID eventId) {
        return commitNanos.remove(eventId);
    }

    /** Waits until an event commits or the timeout passes; a commit since the last wait returns at once. */
    void awaitCommit(Duration timeout) throws InterruptedException {
        wakeup.await(timeout);
    }

    /** Ends a wait early without a commit (used when the relay stops). */
    void wakeUp() {
        wakeup.signal();
    }
}
