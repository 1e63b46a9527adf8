package dk.indkoebsscreening.followup;

import java.time.Instant;
import java.util.UUID;

/** What happened to conditions, published in the step's transaction for whoever must hear of it (mails). */
public final class ConditionFacts {

    private ConditionFacts() {
    }

    /** Its due date is near and its owner has not reported it yet. */
    public record ReminderDue(UUID requestId, ConditionItem condition, Instant dueAt) {
    }

    /** Its due date passed while it was with its owner. */
    public record Overdue(UUID requestId, ConditionItem condition, Instant dueAt) {
    }

    /** Its owner reported it fulfilled: whoever set it verifies. */
    public record Reported(UUID requestId, ConditionItem condition) {
    }

    /** The verifier did not accept the report: back with its owner. */
    public record SentBack(UUID requestId, ConditionItem condition, String reason, String sentBackBy) {
    }

    /** Handed to a colleague, who owns it from now on. */
    public record HandedOver(UUID requestId, ConditionItem condition, String handedBy) {
    }

    /** Every condition of the approval is verified or waived. */
    public record Settled(UUID requestId) {
    }
}
