package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.system.Tenancy;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The vendor's link in time: an open round is reminded once {@code indkoeb.vendor.remind-before} working days before it
 * expires ({@link VendorReminderDue}: the mail, the history), and one past its expiry is ended ({@link VendorLinkExpired}).
 * A scheduled job, as the mail retention's, not a process timer: an invitation is no step of the request's process. Each
 * round in a transaction of its own under the request's lock, and only when its row still says it is due, so a second
 * node (or a second run) finding the same rounds does nothing twice; one round that fails does not hold up the others.
 * The rounds are found across all municipalities, and each is handled acting for its own, so its history, mail (with
 * its municipality's sender) and event are that municipality's.
 */
@Component
class VendorLinkTimes {

    private static final Logger log = LoggerFactory.getLogger(VendorLinkTimes.class);
    /** Rounds per run and kind; more wait for the next run, minutes later. */
    static final int BATCH = 200;

    private final VendorInvitations invitations;

    VendorLinkTimes(VendorInvitations invitations) {
        this.invitations = invitations;
    }

    /** Every five minutes: the reminders say a date, and a link past its expiry is refused already (only the state lags). */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    void run() {
        each(invitations.dueForExpiry(BATCH), invitations::expire, "expire");
        each(invitations.dueForReminder(BATCH), invitations::remind, "remind");
    }

    private static void each(List<DueRound> due, Consumer<UUID> step, String what) {
        for (DueRound round : due) {
            try {
                Tenancy.runAs(round.municipality(), () -> step.accept(round.invitationId()));
            } catch (RuntimeException e) {
                log.warn("Could not {} vendor invitation {}: {}", what, round.invitationId(), e.toString());
            }
        }
    }
}
