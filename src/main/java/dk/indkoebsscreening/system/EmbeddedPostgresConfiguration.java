package dk.indkoebsscreening.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                .setRegisterShutdownHook(false);
        if (StringUtils.hasText(properties.dataDirectory())) {
            Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
            Files.createDirectories(dataDirectory.getParent());
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on {} (data kept in {})",
                postgres.getJdbcUrl("postgres", "postgres"),
                StringUtils.hasText(properties.dataDirectory()) ? properties.dataDirectory() : "a temporary directory");
        return postgres;
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
