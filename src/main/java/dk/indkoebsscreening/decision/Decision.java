package dk.indkoebsscreening.decision;

import com.fasterxml.jackson.annotation.JsonProperty;
import dk.indkoebsscreening.process.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The decision on a request.
 *
 * @param recommendation     what the recommendation table proposed; null when rejected at triage
 * @param decidedConditions  what the requester must fulfil; none unless approved with conditions
 * @param areaConditions     what became of each condition an area set; none unless approved with conditions
 * @param decidedBy          the coordinator's user id, or {@code RULES} ({@code ScreeningProcess.DECIDED_BY_RULES})
 * @param rule               the rule of the scope tables that decided it; null when a coordinator decided
 */
public record Decision(Verdict outcome, Verdict recommendation, String reason, List<DecidedCondition> decidedConditions,
                       List<AreaConditionFate> areaConditions, String decidedBy, Instant decidedAt, String rule) {

    /** Whether the rules decided it (a fast track every area approved without conditions), not a coordinator. */
    public boolean byRule() {
        return rule != null;
    }

    public boolean overridden() {
        return recommendation != null && recommendation != outcome;
    }

    /** The conditions' texts, as the system register and decision.made.v1 carry them (and the API, as before). */
    @JsonProperty("conditions")
    public List<String> conditions() {
        return decidedConditions.stream().map(DecidedCondition::text).toList();
    }

    /** The area conditions the coordinator dropped, each with the reason. */
    public List<AreaConditionFate> dropped() {
        return areaConditions.stream().filter(fate -> fate.fate() == AreaConditionFate.Fate.DROPPED).toList();
    }

    /** The area conditions that became the decided condition at the position given (kept, reworded or merged into it). */
    public List<AreaConditionFate> originsOf(int position) {
        return areaConditions.stream().filter(fate -> fate.into() != null && fate.into() == position).toList();
    }
}
