package dk.indkoebsscreening.testsupport;

import java.util.Optional;
import java.util.function.Supplier;

/** Waits for what the job executor or the relay does after the caller's transaction. */
public final class Eventually {

    private static final long TIMEOUT_NANOS = 20_000_000_000L;

    private Eventually() {
    }

    public static <T> T await(String what, Supplier<Optional<T>> probe) {
        long giveUpAt = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() > giveUpAt) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static void until(String what, Supplier<Boolean> condition) {
        await(what, () -> condition.get() ? Optional.of(true) : Optional.empty());
    }
}
