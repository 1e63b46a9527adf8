package dk.indkoebsscreening.decision;

import java.util.UUID;

/** A decision was recorded (at triage or after the screening); published in the decision's transaction. */
public record DecisionTaken(UUID requestId, Decision decision) {
}
