package dk.indkoebsscreening.request;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Says at start-up, and to administrators on every page, when the kroner value of the EU threshold for today is
 * not configured. It is a setting only they can add: the others see its effect where it matters (the contract
 * expert's threshold with the krone's band, a flag on a request whose value lies inside the band), not the gap.
 */
@ControllerAdvice(annotations = PageController.class)
public class ThresholdCheck {

    private static final Logger log = LoggerFactory.getLogger(ThresholdCheck.class);

    private final ProcurementProperties procurement;
    private final DeadlineProperties deadline;
    private final Clock clock;
    private final Choices choices;
    private final Formats formats;

    ThresholdCheck(ProcurementProperties procurement, DeadlineProperties deadline, Clock clock, Choices choices, Formats formats) {
        this.procurement = procurement;
        this.deadline = deadline;
        this.clock = clock;
        this.choices = choices;
        this.formats = formats;
    }

    public boolean missingToday() {
        return !procurement.kronerKnownOn(today());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(deadline.zone()));
    }

    /** The administrators' notice in the page header; null for everyone else and while the kroner value is there. */
    @ModelAttribute("thresholdNotice")
    String noticeForAdministrators() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || !CurrentUser.of(authentication).isAdmin()
                || !missingToday()) {
            return null;
        }
        return euroToday().isPresent()
                ? choices.message("procurement.notice.band", formats.date(today()), procurement.publishedAt())
                : choices.message("procurement.notice.none", formats.date(today()), procurement.publishedAt());
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfMissing() {
        if (!missingToday()) {
            return;
        }
        if (euroToday().isPresent()) {
            log.warn("No kroner value of the EU procurement threshold in indkoeb.procurement.thresholds covers today ({}): requests "
                    + "are compared with the euro value by the krone's band, and only those inside it are left undecided. Add the "
                    + "kroner values, as published at {}", today(), procurement.publishedAt());
        } else {
            log.warn("No EU procurement threshold in indkoeb.procurement.thresholds covers today ({}): requests submitted now are "
                    + "not compared with one. Add the values in force, as published at {}", today(), procurement.publishedAt());
        }
    }

    private Optional<ProcurementProperties.Threshold> euroToday() {
        return procurement.inForceOn(today()).filter(threshold -> threshold.goodsAndServicesEur() != null);
    }
}
