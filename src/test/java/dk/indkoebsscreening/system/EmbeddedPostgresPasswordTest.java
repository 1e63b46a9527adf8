package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** The kept cluster's password: made once, kept beside it for its owner only, the same after every restart. */
class EmbeddedPostgresPasswordTest {

    @TempDir
    Path workDirectory;

    @Test
    void theFirstStartMakesAPasswordThatOnlyItsOwnerCanReadAndLaterStartsKeepIt() throws Exception {
        Path dataDirectory = workDirectory.resolve("postgres");
        Path passwordFile = workDirectory.resolve("postgres.password");
        String password;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(kept(dataDirectory))) {
            password = first.password();
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(password).hasSizeGreaterThanOrEqualTo(43); // 256 bits in URL-safe Base64
            assertThat(canLogIn(first, password)).isTrue();
            assertThat(canLogIn(first, "postgres")).isFalse();
        }
        // A careless copy and a hand-edited pg_hba.conf are both undone at the next start.
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(kept(dataDirectory))) {
            assertThat(restarted.password()).isEqualTo(password);
            assertThat(canLogIn(restarted, password)).isTrue();
            assertThat(canLogIn(restarted, "")).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void aClusterFromBeforeThePasswordIsLeftAsItIsAndTheStartSaysWhatToDo() throws Exception {
        Path dataDirectory = workDirectory.resolve("postgres");
        EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start().close();
        String hostBasedAuthentication = Files.readString(dataDirectory.resolve("pg_hba.conf"));

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(kept(dataDirectory)))
                .isInstanceOf(ClusterWithoutPasswordException.class);

        assertThat(workDirectory.resolve("postgres.password")).doesNotExist();
        assertThat(dataDirectory.resolve("pg_hba.conf")).hasContent(hostBasedAuthentication);
        assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
        // As Spring Boot meets it: inside the bean's creation failure, answered by a registered analyzer.
        BeanCreationException failure = new BeanCreationException("embeddedPostgres",
                new ClusterWithoutPasswordException(dataDirectory, workDirectory.resolve("postgres.password")));
        FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation()
                // Boot's own analyzers want the application context; only ours matters here.
                .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, notForUs) -> { }))
                .stream().map(analyzer -> analyzer.analyze(failure)).filter(found -> found != null).findFirst().orElseThrow();
        assertThat(analysis.getDescription()).contains(dataDirectory.toString(), "without a password");
        assertThat(analysis.getAction()).startsWith("Delete " + dataDirectory).contains("./data");
    }

    private static EmbeddedPostgresProperties kept(Path dataDirectory) {
        return new EmbeddedPostgresProperties(true, dataDirectory.toString(), 0);
    }

    private static boolean canLogIn(EmbeddedPostgresServer server, String password) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", password)) {
            return connection.isValid(5);
        } catch (SQLException refused) {
            return false;
        }
    }
}
