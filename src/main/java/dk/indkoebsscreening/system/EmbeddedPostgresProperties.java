package dk.indkoebsscreening.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled       start PostgreSQL inside the application
 * @param dataDirectory where its data is kept across restarts; empty for a fresh temporary cluster
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("indkoeb.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, String dataDirectory, int port) {
}
