package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.Verdict;
import java.util.UUID;

/** All six areas are screened and the coordinators are to decide; published in the step's transaction. */
public record DecisionDue(UUID requestId, Verdict recommendation) {
}
