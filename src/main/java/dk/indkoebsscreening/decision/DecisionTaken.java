package dk.indkoebsscreening.decision;

import java.util.UUID;

/**
 * A decision was recorded (at triage or after the screening); published in the decision's transaction. The conditions
 * to follow up are the decision's {@link Decision#decidedConditions()}, empty unless approved with conditions.
 */
public record DecisionTaken(UUID requestId, Decision decision) {
}
