package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.security.LoginThrottle;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.constraints.time.DurationMin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Limits what one client can try with vendor links and what one invitation can write. Per client address (an IPv6
 * /64 as one, as {@link LoginThrottle} counts them): refused links of a token's form (unknown, expired, revoked,
 * closed) within a window; once the limit is reached, that address gets no link checked until the window ends, so guessing tokens
 * is slow. Per invitation: saves, uploads, removals and submits within a window, so a link cannot fill the database.
 * Kept in memory, per instance, with at most {@value #MAX_TRACKED} entries of each kind.
 */
@Component
@EnableConfigurationProperties(VendorRateLimit.Properties.class)
class VendorRateLimit {

    private static final Logger SECURITY_LOG = LoggerFactory.getLogger("indkoeb.security");
    static final int MAX_TRACKED = 100_000;

    /**
     * @param refusedLinksPerAddress refused links one address may present within {@code address-window}
     * @param addressWindow          the window of refused links per address
     * @param writesPerInvitation    saves, uploads, removals and submits of one invitation within {@code write-window}
     * @param writeWindow            the window of writes per invitation
     */
    @Validated
    @ConfigurationProperties("indkoeb.vendor.rate-limit")
    record Properties(@Positive Integer refusedLinksPerAddress, @DurationMin(seconds = 1) Duration addressWindow,
                      @Positive Integer writesPerInvitation, @DurationMin(seconds = 1) Duration writeWindow) {

        Properties {
            refusedLinksPerAddress = refusedLinksPerAddress == null ? 10 : refusedLinksPerAddress;
            addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
            writesPerInvitation = writesPerInvitation == null ? 300 : writesPerInvitation;
            writeWindow = writeWindow == null ? Duration.ofHours(1) : writeWindow;
        }
    }

    private final Properties properties;
    private final Clock clock;
    private final Windows<String> addresses;
    private final Windows<UUID> invitations;

    VendorRateLimit(Properties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.addresses = new Windows<>(properties.refusedLinksPerAddress(), properties.addressWindow());
        this.invitations = new Windows<>(properties.writesPerInvitation(), properties.writeWindow());
    }

    /** How long this address must wait before a link of it is checked again; empty when it may try now. */
    Optional<Duration> linkWait(String address) {
        return addresses.waitFor(LoginThrottle.network(address), clock.instant());
    }

    /** A link this address presented was refused. */
    void linkRefused(String address) {
        String network = LoginThrottle.network(address);
        Instant now = clock.instant();
        if (addresses.count(network, now) && addresses.waitFor(network, now).isPresent()) {
            SECURITY_LOG.warn("Vendor links refused: address={} limit={} within={} at={}", network,
                    properties.refusedLinksPerAddress(), properties.addressWindow(), now);
        }
    }

    /** Counts a write of this invitation: empty if it may go ahead, else how long to wait. */
    Optional<Duration> write(UUID invitationId) {
        Instant now = clock.instant();
        Optional<Duration> wait = invitations.waitFor(invitationId, now);
        if (wait.isEmpty()) {
            invitations.count(invitationId, now);
        }
        return wait;
    }

    /** How many addresses are tracked now. */
    int trackedAddresses() {
        return addresses.size();
    }

    /** Fixed windows of counts per key: a window starts with its first count and ends {@code length} later. */
    private static final class Windows<K> {

        private record Window(int count, Instant start) {
        }

        private final int limit;
        private final Duration length;
        private final Map<K, Window> windows = new ConcurrentHashMap<>();

        Windows(int limit, Duration length) {
            this.limit = limit;
            this.length = length;
        }

        Optional<Duration> waitFor(K key, Instant now) {
            Window window = windows.get(key);
            return window != null && !ended(window, now) && window.count() >= limit
                    ? Optional.of(Duration.between(now, window.start().plus(length))) : Optional.empty();
        }

        /** @return whether this count reached the limit */
        boolean count(K key, Instant now) {
            purgeIfFull(now);
            Window window = windows.compute(key, (k, previous) -> previous == null || ended(previous, now)
                    ? new Window(1, now) : new Window(previous.count() + 1, previous.start()));
            return window.count() == limit;
        }

        private boolean ended(Window window, Instant now) {
            return !window.start().plus(length).isAfter(now);
        }

        /**
         * Ended windows go first, then the oldest tenth, those below their limit before those at it: a flood of other
         * keys gives a guesser its allowance back only once it has itself reached the limit from as many addresses as
         * are kept. Dropping only keys below their limit would, in a table full of keys at it, drop a new key at each
         * of its counts (it never reached its limit) and scan the table at every count.
         */
        private void purgeIfFull(Instant now) {
            if (windows.size() < MAX_TRACKED) {
                return;
            }
            windows.values().removeIf(window -> ended(window, now));
            if (windows.size() >= MAX_TRACKED) {
                windows.entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<K, Window> entry) -> entry.getValue().count() >= limit)
                                .thenComparing(entry -> entry.getValue().start()))
                        .limit(MAX_TRACKED / 10)
                        .map(Map.Entry::getKey)
                        .toList()
                        .forEach(windows::remove);
            }
        }

        int size() {
            return windows.size();
        }
    }
}
