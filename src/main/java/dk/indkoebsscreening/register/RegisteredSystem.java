package dk.indkoebsscreening.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A system the municipality has (or had: {@code retiredAt}).
 *
 * @param requestId        the approved request it came from, else null
 * @param requestReference that request's reference, else null
 * @param kitosUuid        the system in KITOS's catalogue, when known
 * @param noticeMonths     the contract's notice period: it must be given notice this many months before it ends
 * @param owner            who answers for the system (a username): the requester of the approved request, unless a
 *                         coordinator names another
 */
public record RegisteredSystem(UUID id, String name, String localName, String vendor, String department,
                               BigDecimal contractValueDkk, Integer contractYears, String personalData, String hosting,
                               List<String> conditions, UUID requestId, String requestReference, UUID kitosUuid,
                               String localId, RegisterSource source, String note, Instant retiredAt, String retiredBy,
                               Instant createdAt, Instant updatedAt, String updatedBy, LocalDate contractStart,
                               LocalDate contractEnd, Integer noticeMonths, String owner) {

    public boolean retired() {
        return retiredAt != null;
    }

    /** The last day to give notice: the contract's end less the notice period; null without an end date. */
    public LocalDate noticeDeadline() {
        return contractEnd == null ? null : contractEnd.minusMonths(noticeMonths == null ? 0 : noticeMonths);
    }
}
