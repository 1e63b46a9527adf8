package dk.indkoebsscreening.system;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health "db", in place of Spring Boot's: DOWN at once while an outage is known ({@link DatabaseOutage}), so
 * that a load balancer's probe gets its answer quickly instead of after the pool's connection timeout.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private final DatabaseOutage outage;

    DatabaseHealth(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    public Health health() {
        if (!outage.inProgress() && outage.check()) {
            return Health.up().withDetail("database", "PostgreSQL").build();
        }
        return outage.since()
                .map(since -> Health.down().withDetail("unreachableSince", since.toString()))
                .orElseGet(Health::down)
                .build();
    }
}
