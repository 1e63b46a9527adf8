package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.decision.NextSteps;
import dk.indkoebsscreening.followup.ConditionItem;
import dk.indkoebsscreening.followup.ConditionStatus;
import dk.indkoebsscreening.process.Area;
import java.time.LocalDate;
import java.util.List;

/**
 * "Hvad sker der nu?" on the request page and in the report: the decision's next steps, each condition as its follow-up
 * has it now (owner and due date may have changed since the decision, and it has a status), and whom to ask about it.
 *
 * @param conditions the conditions in their numbers' order
 */
public record WhatNow(NextSteps steps, List<Condition> conditions) {

    /**
     * @param due     null when before go-live and the request has no desired start date
     * @param askWhom the username of the expert who screened the area that set it, or of the coordinator who decided
     * @param item    the condition as followed up, with its evidence and changes; null until the follow-up has it
     */
    public record Condition(int number, String text, Area setBy, String owner, LocalDate due, boolean beforeGoLive,
                            ConditionStatus status, String askWhom, ConditionItem item) {
    }

    /** From the case file, its conditions as followed up included; null before the request is decided. */
    static WhatNow of(CaseFile caseFile) {
        return caseFile.decision() == null ? null
                : of(NextSteps.of(caseFile.request(), caseFile.decision(), caseFile.areas()), caseFile.conditions());
    }

    static WhatNow of(NextSteps steps, List<ConditionItem> items) {
        if (items.isEmpty()) {
            return new WhatNow(steps, steps.conditions().stream().map(condition -> new Condition(condition.number(),
                    condition.condition().text(), condition.condition().setBy(), condition.condition().owner(), condition.due(),
                    condition.condition().beforeGoLive(), null, condition.askWhom(), null)).toList());
        }
        return new WhatNow(steps, items.stream().map(item -> new Condition(item.number(), item.text(), item.setBy(), item.owner(),
                item.due(), item.beforeGoLive(), item.status(), askWhom(steps, item), item)).toList());
    }

    private static String askWhom(NextSteps steps, ConditionItem item) {
        return steps.conditions().stream().filter(condition -> condition.number() == item.number())
                .map(NextSteps.Condition::askWhom).findFirst().orElse(steps.decidedBy());
    }
}
