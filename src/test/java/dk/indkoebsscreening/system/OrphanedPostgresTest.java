package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After the application was killed, its PostgreSQL is still running; the next start takes over its data. */
class OrphanedPostgresTest {

    @TempDir
    Path workDirectory;

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedAndItsDataIsKept() throws Exception {
        Path dataDirectory = workDirectory.resolve("postgres");
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(true, dataDirectory.toString(), 0);
        EmbeddedPostgresServer killedRun = EmbeddedPostgresServer.start(properties);
        try (Connection connection = connect(killedRun)) {
            connection.createStatement().execute("create table survivor (name text); insert into survivor values ('IND-2026-0042')");
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphanPid)).isPresent();

        EmbeddedPostgresServer.stopOrphanedServer(dataDirectory);

        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        killedRun.close(); // in a real crash the dead JVM's lock on the directory is gone as well
        try (EmbeddedPostgresServer nextRun = EmbeddedPostgresServer.start(properties);
             Connection connection = connect(nextRun);
             ResultSet rows = connection.createStatement().executeQuery("select name from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("IND-2026-0042");
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, server.password());
    }

    /** After a reboot the pid in a stale postmaster.pid may belong to any process: only PostgreSQL is stopped. */
    @Test
    void aStalePidOfAnotherProcessIsLeftRunning() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(workDirectory.resolve("postmaster.pid"), unrelated.pid() + "\n" + workDirectory + "\n");

            EmbeddedPostgresServer.stopOrphanedServer(workDirectory);

            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aDataDirectoryWithoutARunningServerIsLeftAlone() throws Exception {
        EmbeddedPostgresServer.stopOrphanedServer(workDirectory);

        assertThat(Files.list(workDirectory)).isEmpty();
    }
}
