package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.screening.AreaScreening;
import dk.indkoebsscreening.screening.AreaState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a decision means for the requester, "Hvad sker der nu?" on the request page, in the decision mail and the report:
 * for an approval the conditions with owner, due date and whom to ask; for a rejection the reasons per area; and for
 * either the areas whose verdict the coordinator overrode, with the coordinator's reason.
 *
 * @param conditions what the requester must fulfil, in the decision's order (numbered from 1, as the follow-up numbers them)
 * @param dropped    area conditions the coordinator dropped, each with the reason
 * @param overridden the areas whose verdict differs from the decision the coordinator made against the recommendation
 * @param rejecting  for a rejection, the areas that rejected, with what they found and asked for
 */
public record NextSteps(Verdict outcome, String reason, String decidedBy, List<Condition> conditions,
                        List<AreaConditionFate> dropped, List<AreaVerdict> overridden, List<AreaVerdict> rejecting) {

    /**
     * @param due     the date it must be fulfilled by: its own, or the request's desired start date when before go-live
     *                (null when before go-live and there is none)
     * @param askWhom the username of the one to ask: the expert who screened the area that set it, or the coordinator
     */
    public record Condition(int number, DecidedCondition condition, LocalDate due, String askWhom) {
    }

    /** An area's verdict with what the expert found and asked for, and who screened it (whom to ask). */
    public record AreaVerdict(Area area, Verdict verdict, String findings, List<String> conditions, String screenedBy) {

        static AreaVerdict of(AreaScreening screening) {
            return new AreaVerdict(screening.area(), screening.verdict(), screening.findings(), screening.conditions(),
                    screening.screenedBy());
        }
    }

    public static NextSteps of(PurchaseRequest request, Decision decision, List<AreaScreening> areas) {
        List<AreaScreening> screened = areas.stream().filter(area -> area.state() == AreaState.COMPLETED && area.verdict() != null).toList();
        List<Condition> conditions = new ArrayList<>();
        for (DecidedCondition condition : decision.decidedConditions()) {
            String askWhom = condition.setBy() == null ? decision.decidedBy() : screened.stream()
                    .filter(area -> area.area() == condition.setBy()).map(AreaScreening::screenedBy).findFirst().orElse(null);
            conditions.add(new Condition(conditions.size() + 1, condition,
                    condition.beforeGoLive() && condition.due() == null ? request.desiredStartDate() : condition.due(), askWhom));
        }
        List<AreaVerdict> overridden = decision.overridden()
                ? screened.stream().filter(area -> overrides(decision.outcome(), area.verdict())).map(AreaVerdict::of).toList() : List.of();
        List<AreaVerdict> rejecting = decision.outcome() == Verdict.REJECTED
                ? screened.stream().filter(area -> area.verdict() == Verdict.REJECTED).map(AreaVerdict::of).toList() : List.of();
        return new NextSteps(decision.outcome(), decision.reason(), decision.decidedBy(), conditions, decision.dropped(),
                overridden, rejecting);
    }

    /**
     * Whether the decision goes against the area's verdict: an approval against its rejection, an approval without
     * conditions against its conditions, a rejection against its approval. An approval with conditions does not go
     * against an approval without: it adds to it.
     */
    private static boolean overrides(Verdict outcome, Verdict verdict) {
        return switch (outcome) {
            case APPROVED_WITH_CONDITIONS -> verdict == Verdict.REJECTED;
            default -> verdict != outcome;
        };
    }

    public boolean approved() {
        return outcome != Verdict.REJECTED;
    }
}
