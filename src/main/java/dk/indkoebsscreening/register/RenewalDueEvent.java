package dk.indkoebsscreening.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload of {@code renewal.due.v1} ({@code docs/schemas/renewal-due.v1.json}).
 *
 * @param requestId   the request whose approval registered the system, else null
 * @param dueOn       the day the renewal came due: the notice deadline less the lead time
 * @param announcedAt when the owner and the coordinators were told; the event's {@code ce_time}
 */
record RenewalDueEvent(UUID systemId, String name, String vendor, String owner, UUID requestId, LocalDate contractStart,
                       LocalDate contractEnd, int noticeMonths, LocalDate noticeDeadline, LocalDate dueOn, Instant announcedAt) {

    static RenewalDueEvent of(RegisteredSystem system, LocalDate dueOn, Instant now) {
        return new RenewalDueEvent(system.id(), system.name(), system.vendor(), system.owner(), system.requestId(),
                system.contractStart(), system.contractEnd(), system.noticeMonths() == null ? 0 : system.noticeMonths(),
                system.noticeDeadline(), dueOn, now);
    }
}
