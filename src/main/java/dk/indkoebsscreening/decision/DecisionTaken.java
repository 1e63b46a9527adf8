package dk.indkoebsscreening.decision;

import java.util.List;
import java.util.UUID;

/**
 * A decision was recorded (at triage or after the screening); published in the decision's transaction.
 *
 * @param conditions the conditions to follow up, empty unless approved with conditions
 */
public record DecisionTaken(UUID requestId, Decision decision, List<DecidedCondition> conditions) {
}
