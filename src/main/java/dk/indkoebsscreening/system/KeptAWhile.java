package dk.indkoebsscreening.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values derived from the database and shown on every page, kept in this node's memory for a short while (people's
 * names, the menu's count of open tasks): a value is looked up again once it is older than the time given, and the
 * whole store is emptied when it holds too many, so it never grows without bound.
 */
public final class KeptAWhile<V> {

    private static final int MAX_KEPT = 10_000;

    private final int maxKept;

    private record Kept<V>(V value, long until) {
    }

    private final long keepNanos;
    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();

    public KeptAWhile(Duration keep) {
        this(keep, MAX_KEPT);
    }

    /** @param maxKept how many values at most, for values larger than a name or a count */
    public KeptAWhile(Duration keep, int maxKept) {
        this.keepNanos = keep.toNanos();
        this.maxKept = maxKept;
    }

    /** The value kept under the key while it is fresh, else the one looked up now (and then kept). */
    public V get(String key, Supplier<V> lookUp) {
        Kept<V> found = kept.get(key);
        if (found != null && System.nanoTime() - found.until() < 0) {
            return found.value();
        }
        V value = lookUp.get();
        put(key, value);
        return value;
    }

    /** Keeps a value known to be exact now. */
    public void put(String key, V value) {
        if (kept.size() >= maxKept) {
            kept.clear();
        }
        kept.put(key, new Kept<>(value, System.nanoTime() + keepNanos));
    }
}
