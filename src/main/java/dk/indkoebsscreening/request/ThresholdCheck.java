package dk.indkoebsscreening.request;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up, and to the dashboard, when no configured EU threshold covers today. */
@Component
public class ThresholdCheck {

    private static final Logger log = LoggerFactory.getLogger(ThresholdCheck.class);

    private final ProcurementProperties procurement;
    private final DeadlineProperties deadline;
    private final Clock clock;

    ThresholdCheck(ProcurementProperties procurement, DeadlineProperties deadline, Clock clock) {
        this.procurement = procurement;
        this.deadline = deadline;
        this.clock = clock;
    }

    public boolean missingToday() {
        return procurement.inForceOn(today()).isEmpty();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(deadline.zone()));
    }

    public String publishedAt() {
        return procurement.publishedAt();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfMissing() {
        if (missingToday()) {
            log.warn("No EU procurement threshold in indkoeb.procurement.thresholds covers today ({}): requests submitted now are "
                    + "not compared with one. Add the values in force, as published at {}", today(), procurement.publishedAt());
        }
    }
}
