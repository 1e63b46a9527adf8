package dk.indkoebsscreening.security;

import jakarta.validation.constraints.Positive;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Slows down password guessing without letting anyone lock a user out. Failures are counted per user
 * <em>and</em> client address: after {@code free-attempts} failures in a row, that pair must wait before
 * its next attempt, a delay that doubles with each further failure up to {@code max-delay}. A wrong
 * password from one address therefore never delays the same user elsewhere, and no delay is permanent.
 * A success, an administrator ({@link LoginThrottleController}) or {@code forget-after} without failures
 * clears the pair. Each delay is written to the security log (user, address, time; never a password).
 * An IPv6 /64 counts as one address.
 *
 * <p>Kept in memory, per instance: with several instances behind a load balancer, a guesser gets each
 * instance's allowance.
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Properties.class)
public class LoginThrottle {

    static final Logger SECURITY_LOG = LoggerFactory.getLogger("indkoeb.security");
    private static final int MAX_TRACKED = 100_000;

    /**
     * @param freeAttempts failures in a row before the first delay
     * @param initialDelay the first delay; each further failure doubles it
     * @param maxDelay     the longest delay
     * @param forgetAfter  failures are forgotten this long after the last one
     */
    @Validated
    @ConfigurationProperties("indkoeb.security.login-throttle")
    public record Properties(@Positive Integer freeAttempts, @DurationMin(millis = 1) Duration initialDelay,
                             @DurationMin(millis = 1) Duration maxDelay, @DurationMin(millis = 1) Duration forgetAfter) {

        public Properties {
            freeAttempts = freeAttempts == null ? 5 : freeAttempts;
            initialDelay = initialDelay == null ? Duration.ofSeconds(2) : initialDelay;
            maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
            forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        }
    }

    /** A user and address that must wait. */
    public record Delay(String username, String address, int failures, Instant until) {
    }

    private record Key(String username, String address) {
    }

    private record Failures(int count, Instant last, Instant delayedUntil) {
    }

    private final Properties properties;
    private final Clock clock;
    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Properties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long this user must still wait before logging in from this address; empty when they may try now. */
    public Optional<Duration> waitFor(String username, String address) {
        Failures current = failures.get(key(username, address));
        Instant now = clock.instant();
        return isDelayed(current, now) ? Optional.of(Duration.between(now, current.delayedUntil())) : Optional.empty();
    }

    /**
     * Starts a login attempt: empty if it may go ahead, else how long to wait. An attempt that goes ahead is
     * counted as a failure at once, before the password is checked, and only a success takes it back: so
     * guesses sent in parallel are counted as they arrive, not after their checks.
     */
    public Optional<Duration> attempt(String username, String address) {
        Instant now = clock.instant();
        purgeIfFull(now);
        Duration[] wait = {null};
        failures.compute(key(username, address), (key, previous) -> {
            if (isDelayed(previous, now)) {
                wait[0] = Duration.between(now, previous.delayedUntil());
                return previous;
            }
            int count = previous == null || isForgotten(previous, now) ? 1 : previous.count() + 1;
            Duration delay = delayAfter(count);
            return new Failures(count, now, delay.isZero() ? null : now.plus(delay));
        });
        return Optional.ofNullable(wait[0]);
    }

    /** The attempt failed: it was counted when it started; a delay it started goes to the security log. */
    public void failed(String username, String address) {
        Failures current = failures.get(key(username, address));
        Instant now = clock.instant();
        if (isDelayed(current, now)) {
            SECURITY_LOG.warn("Login delayed: user={} address={} failures={} delay={}s until={} at={}",
                    sanitized(username), address, current.count(),
                    Duration.between(current.last(), current.delayedUntil()).toSeconds(), current.delayedUntil(), now);
        }
    }

    /** The attempt could not be checked (not the caller's doing): it no longer counts. */
    public void abandoned(String username, String address) {
        failures.computeIfPresent(key(username, address), (key, current) -> {
            if (current.count() <= 1) {
                return null;
            }
            Duration delay = delayAfter(current.count() - 1);
            return new Failures(current.count() - 1, current.last(), delay.isZero() ? null : current.last().plus(delay));
        });
    }

    public void succeeded(String username, String address) {
        Failures previous = failures.remove(key(username, address));
        if (previous != null && previous.delayedUntil() != null) {
            SECURITY_LOG.info("Login succeeded after {} failures: user={} address={} at={}",
                    previous.count(), sanitized(username), address, clock.instant());
        }
    }

    /** Lifts every delay of a user, e.g. when the user has been locked out by a guesser at the user's own address. */
    public int clear(String username, String administrator) {
        String normalized = normalize(username);
        List<Key> keys = failures.keySet().stream().filter(key -> key.username().equals(normalized)).toList();
        keys.forEach(failures::remove);
        SECURITY_LOG.warn("Login delays lifted: user={} entries={} by={} at={}", sanitized(username), keys.size(),
                administrator, clock.instant());
        return keys.size();
    }

    /** Delays in force now, longest first. */
    public List<Delay> current() {
        Instant now = clock.instant();
        return failures.entrySet().stream()
                .filter(entry -> entry.getValue().delayedUntil() != null && entry.getValue().delayedUntil().isAfter(now))
                .map(entry -> new Delay(entry.getKey().username(), entry.getKey().address(), entry.getValue().count(),
                        entry.getValue().delayedUntil()))
                .sorted(Comparator.comparing(Delay::until).reversed())
                .toList();
    }

    Duration delayAfter(int failureCount) {
        int beyondFree = failureCount - properties.freeAttempts();
        if (beyondFree < 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.initialDelay().multipliedBy(1L << Math.min(beyondFree, 30));
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    private boolean isForgotten(Failures previous, Instant now) {
        Instant lastRelevant = previous.delayedUntil() != null && previous.delayedUntil().isAfter(previous.last())
                ? previous.delayedUntil() : previous.last();
        return lastRelevant.plus(properties.forgetAfter()).isBefore(now);
    }

    /**
     * Forgotten pairs go first, then the oldest ones not waiting now; a pair that must wait is never dropped,
     * so a flood of made-up names cannot give a guesser its free attempts back.
     */
    private void purgeIfFull(Instant now) {
        if (failures.size() < MAX_TRACKED) {
            return;
        }
        failures.values().removeIf(entry -> isForgotten(entry, now));
        if (failures.size() >= MAX_TRACKED) {
            failures.entrySet().stream()
                    .filter(entry -> !isDelayed(entry.getValue(), now))
                    .sorted(Comparator.comparing(entry -> entry.getValue().last()))
                    .limit(MAX_TRACKED / 10)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(failures::remove);
        }
    }

    private static boolean isDelayed(Failures entry, Instant now) {
        return entry != null && entry.delayedUntil() != null && entry.delayedUntil().isAfter(now);
    }

    private static Key key(String username, String address) {
        return new Key(normalize(username), network(address));
    }

    /**
     * An IPv6 client picks its address within its /64 at will, so the /64 counts as one address; IPv4
     * addresses count singly.
     */
    public static String network(String address) {
        if (address == null) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|]$", "").replaceAll("%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A user name as typed can hold anything: no line breaks or control characters into the log. */
    private static String sanitized(String username) {
        String value = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
