package dk.indkoebsscreening.security;

import dk.indkoebsscreening.system.Sql;
import jakarta.validation.constraints.Positive;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.validator.constraints.time.DurationMin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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
 * <p>The counts are in the database (table {@code login_failure}), so every application node sees the same
 * counts: a guesser gets one allowance, not one per node. Each attempt that goes ahead is counted by one atomic
 * statement, so parallel guesses sent to different nodes are counted as exactly as those sent to one (a refused one
 * reads its wait with a second). Times are the nodes' clocks. Forgotten pairs are purged every minute
 * ({@link #purge()}).
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Properties.class)
public class LoginThrottle {

    static final Logger SECURITY_LOG = LoggerFactory.getLogger("indkoeb.security");
    private static final int MAX_TRACKED = 100_000;
    /** Camunda's user ids have at most 64 characters, addresses under 50; two keys of 255 (765 bytes each) fit an index entry. */
    private static final int LONGEST_KEY = 255;

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

    private record Failures(int count, Instant last, Instant delayedUntil) {
    }

    /**
     * The end of the delay after {@code count} failures counted from {@code start}, null for none: the delay is
     * looked up in {@code :delays}, the delays after 1, 2, … failures in milliseconds ({@link #delayAfter}),
     * whose last one holds for every count beyond.
     */
    private static String delayEnd(String count, String start) {
        return start + " + nullif((:delays::bigint[])[least(" + count + ", cardinality(:delays::bigint[]))], 0)"
                + " * interval '1 millisecond'";
    }

    /**
     * Counts an attempt in one statement, so that attempts at the same time on any nodes are counted one after the
     * other: a new pair starts at one failure; a pair that is not waiting counts one more (or starts again at one
     * when forgotten); a pair that must wait is left as it is, and no row comes back.
     */
    private static final String COUNT_ATTEMPT = """
            insert into login_failure as f (username, network, failures, last_failure, delayed_until)
            values (:username, :network, 1, :now::timestamptz, %s)
            on conflict (username, network) do update
            set (failures, last_failure, delayed_until) = (
                select next.failures, :now::timestamptz, %s
                from (select case when greatest(f.last_failure, f.delayed_until) + :forgetAfterMillis * interval '1 millisecond' < :now::timestamptz
                                  then 1 else f.failures + 1 end as failures) next)
            where f.delayed_until is null or f.delayed_until <= :now::timestamptz
            returning failures
            """.formatted(delayEnd("1", ":now::timestamptz"), delayEnd("next.failures", ":now::timestamptz"));

    private final Properties properties;
    private final Clock clock;
    private final JdbcClient jdbc;
    /** {@code :delays} of {@link #delayEnd}: the delays until the longest one, as a PostgreSQL array literal. */
    private final String delays;

    LoginThrottle(Properties properties, Clock clock, JdbcClient jdbc) {
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
        this.delays = delaySchedule();
    }

    /** How long this user must still wait before logging in from this address; empty when they may try now. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        return delayedUntil(normalize(username), networkOf(address), now).map(until -> Duration.between(now, until));
    }

    /**
     * Starts a login attempt: empty if it may go ahead, else how long to wait. An attempt that goes ahead is
     * counted as a failure at once, before the password is checked, and only a success takes it back: so
     * guesses sent in parallel are counted as they arrive, not after their checks.
     */
    public Optional<Duration> attempt(String username, String address) {
        String user = normalize(username);
        String network = networkOf(address);
        Instant now = clock.instant();
        // A refused attempt reads the delay that refused it; should that have been lifted in between, it tries again.
        for (int tries = 0; tries < 3; tries++) {
            if (counted(user, network, now)) {
                return Optional.empty();
            }
            Optional<Instant> until = delayedUntil(user, network, now);
            if (until.isPresent()) {
                return Optional.of(Duration.between(now, until.get()));
            }
        }
        // Lifted three times within one attempt: someone is lifting as fast as this guesser guesses; this one waits.
        return Optional.of(properties.initialDelay());
    }

    /** The attempt failed: it was counted when it started; a delay it started goes to the security log. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("select failures, last_failure, delayed_until from login_failure where username = ? and network = ?")
                .param(normalize(username))
                .param(networkOf(address))
                .query(LoginThrottle::failures)
                .optional()
                .filter(current -> isDelayed(current, now))
                .ifPresent(current -> SECURITY_LOG.warn(
                        "Login delayed: user={} address={} failures={} delay={}s until={} at={}",
                        sanitized(username), address, current.count(),
                        Duration.between(current.last(), current.delayedUntil()).toSeconds(), current.delayedUntil(), now));
    }

    /** The attempt could not be checked (not the caller's doing): it no longer counts. */
    public void abandoned(String username, String address) {
        String user = normalize(username);
        String network = networkOf(address);
        // The last failure goes, else one fewer counts: in this order, so that an attempt counted in between is kept.
        jdbc.sql("delete from login_failure where username = ? and network = ? and failures <= 1")
                .param(user)
                .param(network)
                .update();
        jdbc.sql("""
                        update login_failure set failures = failures - 1, delayed_until = %s
                        where username = :username and network = :network and failures > 1
                        """.formatted(delayEnd("failures - 1", "last_failure")))
                .param("username", user)
                .param("network", network)
                .param("delays", delays)
                .update();
    }

    public void succeeded(String username, String address) {
        jdbc.sql("delete from login_failure where username = ? and network = ? returning failures, last_failure, delayed_until")
                .param(normalize(username))
                .param(networkOf(address))
                .query(LoginThrottle::failures)
                .optional()
                .filter(previous -> previous.delayedUntil() != null)
                .ifPresent(previous -> SECURITY_LOG.info("Login succeeded after {} failures: user={} address={} at={}",
                        previous.count(), sanitized(username), address, clock.instant()));
    }

    /** Lifts every delay of a user, e.g. when the user has been locked out by a guesser at the user's own address. */
    public int clear(String username, String administrator) {
        int cleared = jdbc.sql("delete from login_failure where username = ?").param(normalize(username)).update();
        SECURITY_LOG.warn("Login delays lifted: user={} entries={} by={} at={}", sanitized(username), cleared,
                administrator, clock.instant());
        return cleared;
    }

    /** Delays in force now, longest first. */
    public List<Delay> current() {
        return jdbc.sql("""
                        select username, network, failures, delayed_until from login_failure
                        where delayed_until > ? order by delayed_until desc, username, network
                        """)
                .param(Sql.timestamp(clock.instant()))
                .query((rs, row) -> new Delay(rs.getString("username"), rs.getString("network"), rs.getInt("failures"),
                        Sql.instant(rs, "delayed_until")))
                .list();
    }

    /**
     * Every minute, on every node (deleting twice does no harm): forgotten pairs go, and beyond the newest
     * 100,000 pairs not waiting now the older ones; a pair that must wait is never dropped, so a flood of
     * made-up names cannot give a guesser its free attempts back.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void purge() {
        purge(MAX_TRACKED);
    }

    /** @return the pairs deleted */
    int purge(int keep) {
        Timestamp now = Sql.timestamp(clock.instant());
        int forgotten = jdbc.sql("""
                        delete from login_failure
                        where greatest(last_failure, delayed_until) + :forgetAfterMillis * interval '1 millisecond' < :now
                        """)
                .param("forgetAfterMillis", properties.forgetAfter().toMillis())
                .param("now", now)
                .update();
        int beyondBound = jdbc.sql("""
                        delete from login_failure where (username, network) in (
                            select username, network from login_failure
                            where delayed_until is null or delayed_until <= :now
                            order by last_failure desc offset :keep)
                        """)
                .param("now", now)
                .param("keep", keep)
                .update();
        return forgotten + beyondBound;
    }

    Duration delayAfter(int failureCount) {
        int beyondFree = failureCount - properties.freeAttempts();
        if (beyondFree < 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.initialDelay().multipliedBy(1L << Math.min(beyondFree, 30));
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    /** The delays after 1, 2, … failures up to the count from which it stays the same, for {@link #delayEnd}. */
    private String delaySchedule() {
        int lastChange = properties.freeAttempts() + 30;
        return IntStream.rangeClosed(1, lastChange)
                .mapToObj(count -> Long.toString(delayAfter(count).toMillis()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** One more failure counted; false when the pair must wait and nothing was counted. */
    private boolean counted(String user, String network, Instant now) {
        return jdbc.sql(COUNT_ATTEMPT)
                .param("username", user)
                .param("network", network)
                .param("now", Sql.timestamp(now))
                .param("forgetAfterMillis", properties.forgetAfter().toMillis())
                .param("delays", delays)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    private Optional<Instant> delayedUntil(String user, String network, Instant now) {
        return jdbc.sql("select delayed_until from login_failure where username = ? and network = ? and delayed_until > ?")
                .param(user)
                .param(network)
                .param(Sql.timestamp(now))
                .query((rs, row) -> Sql.instant(rs, "delayed_until"))
                .optional();
    }

    private static Failures failures(ResultSet rs, int row) throws SQLException {
        return new Failures(rs.getInt("failures"), Sql.instant(rs, "last_failure"), Sql.instant(rs, "delayed_until"));
    }

    private static boolean isDelayed(Failures entry, Instant now) {
        return entry != null && entry.delayedUntil() != null && entry.delayedUntil().isAfter(now);
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

    /** The user as counted, however the name was typed. */
    private static String normalize(String username) {
        return bounded(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    /** The address as counted. */
    private static String networkOf(String address) {
        return bounded(network(address));
    }

    /**
     * A key longer than any user's name or any address (a login form takes a megabyte, a forwarded address a header)
     * is counted by its digest: PostgreSQL's index takes no key over 2,704 bytes.
     */
    private static String bounded(String key) {
        if (key.length() <= LONGEST_KEY) {
            return key;
        }
        try {
            return "sha-256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user name as typed can hold anything: no line breaks or control characters into the log. */
    private static String sanitized(String username) {
        String value = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
