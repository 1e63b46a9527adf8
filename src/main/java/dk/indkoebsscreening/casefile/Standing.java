package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.screening.AreaState;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The first sentence of the request's page, in plain words: who has the request now, what happens next and by when,
 * and what (if anything) waits for the requester: a question to answer (triage's or a screening's, from the case
 * file's questions), conditions of theirs to meet. The requester
 * reads it as "du"; the expert group reads the same facts about "anmoderen". Texts {@code standing.*} in the UI bundle.
 */
@Component
public class Standing {

    private final Choices choices;
    private final Formats formats;
    private final People people;

    Standing(Choices choices, Formats formats, People people) {
        this.choices = choices;
        this.formats = formats;
        this.people = people;
    }

    /**
     * @param whatNow     the decision's next steps, null before the decision
     * @param rulesDecide a fast track the rules will approve if every area does, unless a coordinator steps in first
     */
    public String sentence(CaseFile caseFile, WhatNow whatNow, boolean requester, boolean rulesDecide) {
        PurchaseRequest request = caseFile.request();
        String expected = formats.dateTime(request.deadline());
        String you = requester ? ".requester" : "";
        String late = request.deadlineMissedAt() == null ? "" : " " + choices.message("standing.late");
        String waiting = late + questionsWaiting(caseFile, you);
        return switch (request.status()) {
            case IN_TRIAGE -> choices.message("standing.IN_TRIAGE", expected) + waiting;
            case AWAITING_INFORMATION -> choices.message("standing.AWAITING_INFORMATION" + you, expected) + waiting;
            case IN_SCREENING -> choices.message(rulesDecide ? "standing.IN_SCREENING.fastTrack"
                    : "standing.IN_SCREENING", expected, screened(caseFile), inScope(caseFile)) + waiting;
            case AWAITING_DECISION -> choices.message("standing.AWAITING_DECISION", expected) + waiting;
            // The rules approve a fast track only; they are no person to name.
            case APPROVED -> caseFile.decision() != null && caseFile.decision().byRule()
                    ? choices.message("standing.APPROVED.byRule", decidedOn(caseFile))
                    : choices.message("standing.APPROVED", decidedBy(caseFile), decidedOn(caseFile));
            case REJECTED -> choices.message("standing.REJECTED", decidedBy(caseFile), decidedOn(caseFile));
            case APPROVED_WITH_CONDITIONS -> withConditions(caseFile, whatNow, requester);
            case CONDITIONS_MET, WITHDRAWN -> choices.message("standing." + request.status());
        };
    }

    /**
     * The experts' questions from their screenings that wait for the requester; the coordinator's at triage is the
     * sentence of its own status.
     */
    private String questionsWaiting(CaseFile caseFile, String you) {
        long open = caseFile.openAreaQuestions().size();
        return open == 0 ? "" : " " + choices.message("standing.questions" + you, open);
    }

    /** Whose conditions are still to be met, and for the requester the first date of their own. */
    private String withConditions(CaseFile caseFile, WhatNow whatNow, boolean requester) {
        List<WhatNow.Condition> open = whatNow.conditions().stream()
                .filter(condition -> condition.status() == null || !condition.status().settled()).toList();
        if (!requester) {
            return choices.message("standing.APPROVED_WITH_CONDITIONS", decidedBy(caseFile), decidedOn(caseFile), open.size());
        }
        List<WhatNow.Condition> mine = open.stream()
                .filter(condition -> Objects.equals(condition.owner(), caseFile.request().requester()))
                .filter(condition -> condition.status() == null || condition.status().withOwner())
                .sorted(Comparator.comparing(WhatNow.Condition::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        String firstDue = mine.isEmpty() ? "" : mine.get(0).due() == null ? choices.message("standing.beforeGoLive")
                : formats.date(mine.get(0).due());
        return choices.message("standing.APPROVED_WITH_CONDITIONS.requester", decidedBy(caseFile), decidedOn(caseFile),
                mine.size(), firstDue);
    }

    private String decidedBy(CaseFile caseFile) {
        return caseFile.decision() == null ? "" : people.name(caseFile.decision().decidedBy());
    }

    private String decidedOn(CaseFile caseFile) {
        return caseFile.decision() == null ? "" : formats.date(caseFile.decision().decidedAt());
    }

    private static long screened(CaseFile caseFile) {
        return caseFile.areas().stream().filter(area -> area.state() == AreaState.COMPLETED).count();
    }

    private static long inScope(CaseFile caseFile) {
        return caseFile.areas().stream().filter(area -> area.state() != AreaState.NOT_RELEVANT).count();
    }
}
