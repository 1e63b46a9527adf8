package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.indkoebsscreening.events.broker.EmbeddedKafkaBroker;
import dk.indkoebsscreening.notification.smtp.EmbeddedSmtpServer;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The one-command run's PostgreSQL, Kafka broker and SMTP server are reachable from this machine only, and the
 * database only with its generated password: another local process (another user's, a browser exploit's) gets
 * no superuser login, by TCP or by the Unix socket.
 */
class EmbeddedServicesLockedDownTest extends ApiTestBase {

    @Autowired
    EmbeddedPostgresServer postgres;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EmbeddedSmtpServer smtp;
    @TempDir
    Path emptyDirectory;

    @Test
    void theDatabaseRefusesALoginWithoutItsPassword() {
        // 08004: the server asked for a password the client did not have; 28P01: the password was wrong.
        assertThat(loginError(null)).isEqualTo("08004");
        assertThat(loginError("")).isEqualTo("08004");
        assertThat(loginError("postgres")).isEqualTo("28P01");
    }

    @Test
    void theGeneratedPasswordOpensIt() throws SQLException {
        try (Connection connection = DriverManager.getConnection(tcpUrl(), credentials(postgres.password()))) {
            assertThat(connection.createStatement().executeQuery("select 1").next()).isTrue();
        }
        assertThat(postgres.password()).hasSizeGreaterThanOrEqualTo(22); // 128 bits in URL-safe Base64
    }

    /** The application's own role has a password of its own: it opens no superuser login. */
    @Test
    void theApplicationsPasswordOpensItsOwnRoleOnly() throws SQLException {
        assertThat(loginError(postgres.applicationPassword())).isEqualTo("28P01");
        Properties application = credentials(postgres.applicationPassword());
        application.setProperty("user", EmbeddedPostgresServer.APPLICATION_ROLE);
        try (Connection connection = DriverManager.getConnection(tcpUrl(), application)) {
            assertThat(connection.createStatement().executeQuery("select 1").next()).isTrue();
        }
    }

    @Test
    void everyWayInAsksForThePasswordAndTcpOnlyOnLoopback() {
        assertThat(superuser().sql("select distinct type || ' ' || auth_method from pg_hba_file_rules order by 1").query(String.class).list())
                .containsExactly("host scram-sha-256", "local scram-sha-256");
        assertThat(superuser().sql("select address from pg_hba_file_rules where type = 'host'").query(String.class).list())
                .containsOnly("127.0.0.1");
        assertThat(jdbc.sql("select current_setting('listen_addresses')").query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void theUnixSocketAsksForThePasswordToo() throws Exception {
        Optional<Path> psql = onPath("psql");
        assumeTrue(psql.isPresent(), "psql is not installed: the socket is checked by its pg_hba line only");
        String socketDirectory = superuser().sql("select split_part(current_setting('unix_socket_directories'), ',', 1)")
                .query(String.class).single().strip();
        assumeTrue(Files.exists(Path.of(socketDirectory, ".s.PGSQL." + postgresPort())), "no Unix socket in " + socketDirectory);

        Psql withoutPassword = psql(psql.get(), socketDirectory, null);
        assertThat(withoutPassword.exitCode()).as(withoutPassword.output()).isNotZero();
        assertThat(withoutPassword.output()).contains("password");

        Psql withPassword = psql(psql.get(), socketDirectory, postgres.password());
        assertThat(withPassword.exitCode()).as(withPassword.output()).isZero();
        assertThat(withPassword.output().strip()).isEqualTo("postgres");
    }

    /** The broker takes any local client on loopback; its log, the events and the requests' data in them, no other user reads. */
    @Test
    void theBrokersLogIsTheOwnersAlone() throws java.io.IOException {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(broker.logDirectory()))).isEqualTo("rwx------");
    }

    @Test
    void theDatabaseTheBrokerAndTheSmtpServerListenOnLoopbackOnly() throws SocketException {
        List<InetAddress> otherAddresses = NetworkInterface.networkInterfaces()
                .filter(EmbeddedServicesLockedDownTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress())
                .toList();
        assumeFalse(otherAddresses.isEmpty(), "this machine has no address but loopback");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgresPort());
        ports.put("Kafka", broker.port());
        ports.put("Kafka controller", broker.controllerPort());
        ports.put("SMTP", smtp.port());

        ports.forEach((service, port) -> {
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("%s on loopback", service).isTrue();
            otherAddresses.forEach(address -> assertThat(connects(address, port))
                    .as("%s on %s:%d", service, address.getHostAddress(), port).isFalse());
        });
    }

    private String loginError(String password) {
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(tcpUrl(), credentials(password)).close());
        assertThat((Throwable) refused).as("a login with the password %s", password == null ? "left out" : "'" + password + "'").isNotNull();
        return refused.getSQLState();
    }

    private Properties credentials(String password) {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private String tcpUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/postgres";
    }

    /** The server's rules and sockets are the superuser's to read, not the application's. */
    private JdbcClient superuser() {
        return JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER,
                postgres.password()));
    }

    /** The server's own port: the application's URL may point at a proxy in front of it. */
    private int postgresPort() {
        return jdbc.sql("select current_setting('port')::int").query(Integer.class).single();
    }

    private record Psql(int exitCode, String output) {
    }

    private Psql psql(Path psql, String socketDirectory, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-h", socketDirectory, "-p", String.valueOf(postgresPort()),
                "-U", "postgres", "-d", "postgres", "--no-password", "-qAt", "-c", "select current_user")
                .redirectErrorStream(true);
        // Nothing but what this test gives: no password from the environment or a ~/.pgpass.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("PGPASSFILE", emptyDirectory.resolve("pgpass").toString());
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Psql(process.exitValue(), output);
    }

    private static Optional<Path> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException gone) {
            return false;
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
