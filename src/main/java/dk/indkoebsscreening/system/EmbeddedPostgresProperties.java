package dk.indkoebsscreening.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled       start PostgreSQL inside the application
 * @param dataDirectory where its data is kept across restarts; empty for a fresh temporary cluster
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 */
@Validated
@ConfigurationProperties("indkoeb.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, String dataDirectory, @Min(0) @Max(65535) int port) {
}
