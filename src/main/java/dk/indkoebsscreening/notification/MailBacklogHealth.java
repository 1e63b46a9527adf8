package dk.indkoebsscreening.notification;

import dk.indkoebsscreening.system.DatabaseOutage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health "mail" and the gauges {@code indkoeb.mail.backlog} and {@code indkoeb.mail.oldest.age}: how many
 * mails wait and for how long, read from the database, so every instance reports the same. An old mail means
 * the SMTP server has refused or been unreachable for a while: DELAYED, not DOWN, because the application
 * works and nothing is lost.
 */
@Component("mail")
class MailBacklogHealth implements HealthIndicator, MeterBinder {

    static final Status DELAYED = new Status("DELAYED", "Mails wait in the outbox longer than allowed");

    private final MailOutbox outbox;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final Duration maxOldestAge;

    MailBacklogHealth(MailOutbox outbox, Clock clock, DatabaseOutage outage, NotificationProperties properties) {
        this.outbox = outbox;
        this.clock = clock;
        this.outage = outage;
        this.maxOldestAge = properties.maxOldestAge();
    }

    @Override
    public Health health() {
        return outage.healthOf(this::backlogHealth);
    }

    private Health backlogHealth() {
        MailOutbox.Backlog backlog = outbox.backlog();
        Duration oldestAge = backlog.oldestAge(clock.instant());
        return Health.status(oldestAge.compareTo(maxOldestAge) > 0 ? DELAYED : Status.UP)
                .withDetail("backlog", backlog.size())
                .withDetail("givenUp", outbox.givenUp())
                .withDetail("oldestMailAgeSeconds", oldestAge.toSeconds())
                .withDetail("maxOldestAgeSeconds", maxOldestAge.toSeconds())
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("indkoeb.mail.backlog", outbox, mails -> mails.backlog().size())
                .description("Mails not yet accepted by the SMTP server")
                .register(registry);
        Gauge.builder("indkoeb.mail.oldest.age", this, health -> outbox.backlog().oldestAge(clock.instant()).toMillis() / 1000.0)
                .description("Age of the oldest mail not yet accepted by the SMTP server")
                .baseUnit("seconds")
                .register(registry);
    }
}
