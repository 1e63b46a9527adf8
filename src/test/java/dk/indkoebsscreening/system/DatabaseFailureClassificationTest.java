package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dk.indkoebsscreening.testsupport.LogCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is away", how an outage starts and ends, and what scheduled tasks log meanwhile. */
class DatabaseFailureClassificationTest {

    @RegisterExtension
    final LogCapture outageLog = new LogCapture(DatabaseOutage.class.getName());
    @RegisterExtension
    final LogCapture schedulerLog = new LogCapture(ScheduledTaskFailures.class.getName());

    private static SQLException state(String sqlState) {
        return new SQLException("from the driver", sqlState);
    }

    @Test
    void lostRefusedAndShuttingDownConnectionsAreOutagesWhereverSpringWrapsThem() {
        assertThat(DatabaseOutage.isConnectionFailure(new DataAccessResourceFailureException("query", state("08006")))).isTrue();
        assertThat(DatabaseOutage.isConnectionFailure(new RuntimeException(new SQLTransientConnectionException("timeout", "08001",
                state("08001"))))).isTrue();
        assertThat(DatabaseOutage.isConnectionFailure(state("57P01"))).isTrue();
        assertThat(DatabaseOutage.isConnectionFailure(state("57P03"))).isTrue();
        // A rollback on the dead connection failed too: Spring reports that one and keeps the real cause aside.
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("insert", state("08006")));
        assertThat(DatabaseOutage.isConnectionFailure(rollbackFailed)).isTrue();
    }

    @Test
    void theRequestsOwnFailuresAreNot() {
        assertThat(DatabaseOutage.isUnavailable(new DuplicateKeyException("dup", state("23505")))).isFalse();
        assertThat(DatabaseOutage.isUnavailable(new IllegalStateException("no SQL at all"))).isFalse();
    }

    /** A statement cut off by the statement timeout: answered 503 (try again), but the database is there. */
    @Test
    void aStatementTimeoutIsUnavailableButNoOutage() {
        DataAccessResourceFailureException cancelled = new DataAccessResourceFailureException("select", state("57014"));
        assertThat(DatabaseOutage.isUnavailable(cancelled)).isTrue();
        DatabaseOutage outage = new DatabaseOutage(mock(DataSource.class), Clock.systemUTC());
        assertThat(outage.report(cancelled)).isFalse();
        assertThat(outage.inProgress()).isFalse();
    }

    /** Every connection busy for the pool's whole timeout: answered 503, but the database is there. */
    @Test
    void aPoolTimeoutWithoutAConnectionFailureIsUnavailableButNoOutage() {
        SQLTransientConnectionException busy = new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms");
        assertThat(DatabaseOutage.isUnavailable(busy)).isTrue();
        DatabaseOutage outage = new DatabaseOutage(mock(DataSource.class), Clock.systemUTC());
        assertThat(outage.report(busy)).isFalse();
        assertThat(outage.inProgress()).isFalse();
    }

    @Test
    void anOutageIsLoggedOnceAndEndsWhenAConnectionWorksAgain() throws SQLException {
        AtomicBoolean back = new AtomicBoolean();
        AtomicInteger tries = new AtomicInteger();
        Connection connection = mock(Connection.class);
        when(connection.isValid(2)).thenReturn(true);
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenAnswer(call -> {
            if (tries.incrementAndGet() == 2) {
                throw new IllegalStateException("the pool refused"); // must not end the probing
            }
            if (!back.get()) {
                throw state("08001");
            }
            return connection;
        });
        DatabaseOutage outage = new DatabaseOutage(dataSource, Clock.systemUTC());
        try {
            assertThat(outage.report(state("08006"))).isTrue();
            assertThat(outage.report(state("08006"))).isTrue();
            assertThat(outage.inProgress()).isTrue();
            assertThat(outage.since()).isPresent();

            await().atMost(Duration.ofSeconds(10)).until(() -> tries.get() >= 3);
            assertThat(outage.inProgress()).isTrue();
            back.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> !outage.inProgress() && outageLog.messages().size() == 2);
            assertThat(outageLog.messages().get(0)).startsWith("The database cannot be reached");
            assertThat(outageLog.messages().get(1)).startsWith("The database can be reached again");
            // A request that was still waiting for a connection when it ended reports late: no new outage.
            assertThat(outage.report(state("08006"))).isTrue();
            assertThat(outage.inProgress()).isFalse();
        } finally {
            outage.destroy();
        }
    }

    @Test
    void aScheduledTaskThatMeetsTheOutageIsSkippedQuietlyAndAnyOtherFailureIsLogged() throws SQLException {
        DataSource unreachable = mock(DataSource.class);
        when(unreachable.getConnection()).thenThrow(state("08001"));
        DatabaseOutage outage = new DatabaseOutage(unreachable, Clock.systemUTC());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        new ScheduledTaskFailures().quietDuringDatabaseOutages(outage).customize(scheduler);
        scheduler.initialize();
        try {
            scheduler.execute(() -> {
                throw new DataAccessResourceFailureException("count", state("08006"));
            });
            await().atMost(Duration.ofSeconds(10)).until(outage::inProgress);
            scheduler.execute(() -> {
                throw new IllegalStateException("a defect");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> !schedulerLog.messages().isEmpty());
            assertThat(schedulerLog.messages()).containsExactly("Unexpected error in a scheduled task");
        } finally {
            scheduler.shutdown();
            outage.destroy();
        }
    }
}
