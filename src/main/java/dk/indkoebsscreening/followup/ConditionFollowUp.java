package dk.indkoebsscreening.followup;

import dk.indkoebsscreening.decision.DecidedCondition;
import dk.indkoebsscreening.decision.DecisionTaken;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.followup.ConditionItem.Change;
import dk.indkoebsscreening.followup.ConditionItem.Evidence;
import dk.indkoebsscreening.followup.ConditionRepository.Row;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The conditions of a request's approval, from the decision that set them until each is verified or waived. */
@Service
public class ConditionFollowUp {

    private final ConditionRepository conditions;
    private final Requests requests;
    private final OutboxWriter outbox;

    ConditionFollowUp(ConditionRepository conditions, Requests requests, OutboxWriter outbox) {
        this.conditions = conditions;
        this.requests = requests;
        this.outbox = outbox;
    }

    /** The request's conditions in their numbers' order, each with its evidence and history; empty when none were set. */
    public List<ConditionItem> of(UUID requestId) {
        Map<UUID, List<Change>> changes = conditions.changesOf(requestId);
        return conditions.rowsOf(requestId).stream().map(row -> item(row, changes.getOrDefault(row.id(), List.of()))).toList();
    }

    /**
     * One condition per condition the decision bound, in its order, in the decision's transaction: they exist exactly
     * when the approval does. One due before go-live is due on the request's desired start date.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void decisionTaken(DecisionTaken taken) {
        if (taken.conditions().isEmpty()) {
            return;
        }
        PurchaseRequest request = requests.findById(taken.requestId()).orElseThrow();
        Instant at = taken.decision().decidedAt();
        int number = 0;
        for (DecidedCondition decided : taken.conditions()) {
            Row row = new Row(UUID.randomUUID(), request.id(), ++number, decided.text(), decided.setBy(), decided.owner(),
                    decided.beforeGoLive() && decided.due() == null ? request.desiredStartDate() : decided.due(),
                    decided.beforeGoLive(), ConditionStatus.OPEN, decided.changeNote());
            conditions.insert(row, at);
            changed(request, row, new Change(ChangeKind.SET, ConditionStatus.OPEN, taken.decision().decidedBy(),
                    decided.changeNote(), List.of(), at));
        }
    }

    /** Records the change and announces the condition as it is after it. */
    private void changed(PurchaseRequest request, Row row, Change change) {
        conditions.addChange(row.id(), change);
        ConditionItem item = item(row, conditions.changesOf(request.id()).getOrDefault(row.id(), List.of()));
        outbox.append(request.id(), request.reference(), EventType.CONDITION_CHANGED, change.at(),
                ConditionChanged.of(request, item, change));
    }

    private static ConditionItem item(Row row, List<Change> changes) {
        List<Evidence> evidence = changes.stream().filter(change -> change.kind() == ChangeKind.REPORTED)
                .map(change -> new Evidence(change.text(), change.files(), change.by(), change.at())).toList();
        String lastReason = changes.stream()
                .filter(change -> change.kind() == ChangeKind.SENT_BACK || change.kind() == ChangeKind.WAIVED)
                .reduce((first, second) -> second).map(Change::text).orElse(null);
        return new ConditionItem(row.id(), row.requestId(), row.number(), row.text(), row.setBy(), row.owner(), row.due(),
                row.beforeGoLive(), row.status(), row.changeNote(), evidence, lastReason, changes);
    }
}
