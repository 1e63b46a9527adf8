package dk.indkoebsscreening.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;
    private final Map<UUID, Long> commitNanos = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > MAX_REMEMBERED_COMMITS;
        }
    };

    void committed(UUID eventId) {
        long now = System.nanoTime();
        lock.lock();
        try {
            commitNanos.put(eventId, now);
            pending = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** System.nanoTime() of the event's commit in this instance, or null when unknown here. */
    Long takeCommitNanos(UUID eventId) {
        lock.lock();
        try {
            return commitNanos.remove(eventId);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until an event commits or the timeout passes; a commit since the last wait returns at once. */
    void awaitCommit(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a wait early without a commit (used when the relay stops). */
    void wakeUp() {
        lock.lock();
        try {
            pending = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
