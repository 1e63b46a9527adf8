package dk.indkoebsscreening.register;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A system's contract comes up for renewal: its owner and the coordinators are to be told. Published in the renewal
 * timer's transaction.
 */
public record RenewalDue(UUID systemId, String name, String vendor, String owner, LocalDate contractEnd,
                         LocalDate noticeDeadline) {
}
