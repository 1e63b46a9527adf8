package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.followup.ConditionItem.Change;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.PurchaseRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * condition.changed.v1: one condition as it is after a change. What the owner wrote stays in the application; the
 * event says how much evidence there is, not what it says.
 *
 * @param setBy  the area that set it; null when the coordinator did
 * @param reason the reason of a send-back or waiver; null otherwise
 */
record ConditionChanged(UUID id, UUID requestId, String reference, int number, String text, Area setBy, String owner,
                        LocalDate due, boolean beforeGoLive, ConditionStatus status, ChangeKind change, String reason,
                        EvidenceSummary evidence, Instant changedAt) {

    static ConditionChanged of(PurchaseRequest request, ConditionItem item, Change change) {
        boolean reasoned = change.kind() == ChangeKind.SENT_BACK || change.kind() == ChangeKind.WAIVED;
        return new ConditionChanged(item.id(), request.id(), request.reference(), item.number(), item.text(), item.setBy(),
                item.owner(), item.due(), item.beforeGoLive(), item.status(), change.kind(), reasoned ? change.text() : null,
                new EvidenceSummary(item.evidence().size(),
                        item.evidence().stream().mapToInt(evidence -> evidence.files().size()).sum()),
                change.at());
    }

    /** How many reports of fulfilment the condition has, and how many files they name. */
    record EvidenceSummary(int reports, int files) {
    }
}
