package dk.indkoebsscreening.request;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.indkoebsscreening.decision.Decision;
import dk.indkoebsscreening.screening.AreaScreening;
import dk.indkoebsscreening.screening.EscalationRepository.Escalation;
import dk.indkoebsscreening.screening.Verdict;
import dk.indkoebsscreening.triage.Clarification;
import java.util.List;

/** Everything about one request: where it stands, the six areas, questions and the decision. */
public record RequestDetails(
        @JsonUnwrapped PurchaseRequest request,
        int workingDaysLeft,
        ContractValue procurement,
        Verdict recommendation,
        List<AreaScreening> areas,
        List<Clarification> clarifications,
        Escalation escalation,
        Decision decision) {
}
