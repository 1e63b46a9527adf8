package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The decision on a request.
 *
 * @param recommendation what the recommendation table proposed; null when rejected at triage
 * @param conditions     the areas' conditions that bind the purchase (none when rejected)
 */
public record Decision(Verdict outcome, Verdict recommendation, String reason, List<String> conditions,
                       String decidedBy, Instant decidedAt) {

    public boolean overridden() {
        return recommendation != null && recommendation != outcome;
    }
}
