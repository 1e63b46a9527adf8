package dk.indkoebsscreening.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 17 inside the application, so the product runs with nothing installed
 * beyond a JDK. Production sets {@code indkoeb.embedded-postgres.enabled=false} and a normal
 * {@code spring.datasource.url}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "indkoeb.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Closed after every bean that uses the data source, so the engine never sees a dead database. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        // Spring stops it after the engine and the pool (destroy order), not a JVM hook racing them.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(properties.port())
                // The builder starts the server with fsync and synchronous commit off (it is made for
                // throwaway test databases); a request or decision the user saw committed must survive a
                // crash of the machine, as with any PostgreSQL in its default configuration.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setRegisterShutdownHook(false);
        if (StringUtils.hasText(properties.dataDirectory())) {
            Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
            Files.createDirectories(dataDirectory.getParent());
            stopOrphanedServer(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on {} (data kept in {})",
                postgres.getJdbcUrl("postgres", "postgres"),
                StringUtils.hasText(properties.dataDirectory()) ? properties.dataDirectory() : "a temporary directory");
        return postgres;
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

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }
}
