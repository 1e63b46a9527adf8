package dk.indkoebsscreening.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A scheduled task (the dashboard's figures, the retention jobs) that fails because the database is away is
 * skipped quietly until its next run: {@link DatabaseOutage} logs the outage once. Any other failure is logged
 * with its stack trace, as Spring does by default.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskFailures {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

    @Bean
    ThreadPoolTaskSchedulerCustomizer quietDuringDatabaseOutages(DatabaseOutage outage) {
        return scheduler -> scheduler.setErrorHandler(failure -> {
            if (DatabaseOutage.isUnavailable(failure)) {
                outage.report(failure);
                log.debug("Scheduled task skipped: the database cannot be reached", failure);
                return;
            }
            log.error("Unexpected error in a scheduled task", failure);
        });
    }
}
