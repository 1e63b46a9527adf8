package dk.indkoebsscreening.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether PostgreSQL can be reached. A lost or refused connection seen anywhere (a page, a login, health)
 * starts an outage; from then on a probe tries a connection every second and ends the outage as soon as one
 * works. While it lasts, requests are answered "temporarily unavailable" at once instead of each holding a
 * thread for the pool's connection timeout, and the outage is logged once when it starts and once when it
 * ends rather than with a stack trace per request. One connection lost while the database is fine (a firewall's
 * idle timeout) ends at the first probe, which follows at once: milliseconds of 503.
 */
@Component
public class DatabaseOutage implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final int PROBE_VALIDATION_SECONDS = 2;
    /** Longer than the pool's connection timeout (2 s): requests that were waiting for a connection when it ended. */
    private static final Duration LATE_REPORTS = Duration.ofSeconds(3);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    /** When the last outage ended (System.nanoTime()); failures of requests that were waiting then are late news. */
    private volatile long endedNanos = System.nanoTime() - LATE_REPORTS.toNanos();
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-outage-probe");
        thread.setDaemon(true);
        return thread;
    });

    public DatabaseOutage(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The database cannot be reached: a connection was refused or lost (SQLSTATE class 08), or the server is
     * shutting down, crashed or still starting (57P01-57P03). Somewhere in the causes, as the engine and Spring
     * wrap it.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        return connectionFailure(failure).isPresent();
    }

    private static Optional<SQLException> connectionFailure(Throwable failure) {
        return causes(failure)
                .filter(cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]")))
                .map(SQLException.class::cast)
                .findFirst();
    }

    /**
     * A failure to answer now that says nothing about the request: the database is unreachable, every
     * connection of the pool stayed busy for its whole timeout, or a statement ran longer than the statement timeout
     * allows (overload, or a query costlier than foreseen; neither is an outage).
     */
    public static boolean isUnavailable(Throwable failure) {
        return causes(failure).anyMatch(SQLTransientConnectionException.class::isInstance) || isConnectionFailure(failure)
                || isStatementTimeout(failure);
    }

    /** PostgreSQL cancelled a statement that outran {@code statement_timeout} (SQLSTATE 57014). */
    public static boolean isStatementTimeout(Throwable failure) {
        return causes(failure).anyMatch(cause -> cause instanceof SQLException sql && "57014".equals(sql.getSQLState()));
    }

    /**
     * The failure and its causes; where a rollback failed too (on a connection already lost), Spring reports that
     * failure and keeps the one that made it roll back as the "application exception": that one and its causes.
     */
    private static Stream<Throwable> causes(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty() && all.size() < 50) {
            Throwable next = pending.pop();
            all.add(next);
            if (next.getCause() != null && next.getCause() != next) {
                pending.push(next.getCause());
            }
            if (next instanceof TransactionSystemException rollbackFailed && rollbackFailed.getApplicationException() != null) {
                pending.push(rollbackFailed.getApplicationException());
            }
        }
        return all.stream();
    }

    public boolean inProgress() {
        return since.get() != null;
    }

    public Optional<Instant> since() {
        return Optional.ofNullable(since.get());
    }

    /**
     * Starts an outage if the failure is a connection failure (unless it comes within seconds of the end of the last
     * one: a request that was still waiting then); answers whether it was one.
     */
    public boolean report(Throwable failure) {
        Optional<SQLException> connectionFailure = connectionFailure(failure);
        if (connectionFailure.isEmpty()) {
            if (isStatementTimeout(failure)) {
                // Every query is bounded (input lengths, indexes): one that is not is worth an operator's look.
                log.warn("A statement outran the statement timeout and was cancelled; the user was asked to try again: {}",
                        describe(causes(failure).filter(SQLException.class::isInstance).map(SQLException.class::cast)
                                .findFirst().orElseThrow()));
            }
            return false;
        }
        if (System.nanoTime() - endedNanos < LATE_REPORTS.toNanos()) {
            return true;
        }
        Instant now = clock.instant();
        if (since.compareAndSet(null, now)) {
            log.warn("The database cannot be reached ({}); users are told to try again in a moment, "
                    + "and a connection is tried every {} s", describe(connectionFailure.get()), PROBE_INTERVAL.toSeconds());
            try {
                prober.execute(this::probeUntilReachable);
            } catch (RejectedExecutionException e) {
                // Shutting down: nobody is left to answer.
            }
        }
        return true;
    }

    /** The health of a component that reads the database: UNKNOWN while it cannot be read, never an exception. */
    public Health healthOf(Supplier<Health> reading) {
        if (inProgress()) {
            return unknownDuringOutage();
        }
        try {
            return reading.get();
        } catch (RuntimeException e) {
            if (isUnavailable(e)) {
                report(e);
                return unknownDuringOutage();
            }
            throw e;
        }
    }

    private static Health unknownDuringOutage() {
        return Health.unknown().withDetail("reason", "the database cannot be reached").build();
    }

    /** Whether a connection from the pool works now; a failure to connect starts an outage. */
    public boolean check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PROBE_VALIDATION_SECONDS);
        } catch (SQLException e) {
            report(e);
            return false;
        }
    }

    private void probeUntilReachable() {
        while (since.get() != null) {
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(PROBE_VALIDATION_SECONDS)) {
                    endedNanos = System.nanoTime();
                    Instant started = since.getAndSet(null);
                    log.warn("The database can be reached again after {} s", Duration.between(started, clock.instant()).toSeconds());
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                // Still away, or the pool refused (it never must end the probing, or the outage would last for good).
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String describe(SQLException failure) {
        return "SQLSTATE " + failure.getSQLState() + ": " + failure.getMessage();
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
    }
}
