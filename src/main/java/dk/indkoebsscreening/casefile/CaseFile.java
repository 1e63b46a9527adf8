package dk.indkoebsscreening.casefile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.decision.Decision;
import dk.indkoebsscreening.followup.ConditionItem;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.request.ContractValue;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.scope.RequestScope;
import dk.indkoebsscreening.screening.AreaScreening;
import dk.indkoebsscreening.screening.EscalationRepository.Escalation;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.triage.Clarification;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one request: where it stands, its scope and areas, questions, the decision, its conditions as they
 * are followed up, the files and the history.
 */
public record CaseFile(
        @JsonUnwrapped PurchaseRequest request,
        int workingDaysLeft,
        ContractValue procurement,
        RequestScope scope,
        Verdict recommendation,
        List<AreaScreening> areas,
        List<Clarification> clarifications,
        Escalation escalation,
        Decision decision,
        List<ConditionItem> conditions,
        List<Attachment> attachments,
        List<HistoryItem> history) {

    /** The coordinator's question the requester has not answered yet (a screening's is answered on its own). */
    @JsonIgnore
    public Optional<Clarification> openQuestion() {
        return clarifications.stream().filter(clarification -> clarification.area() == null && clarification.open())
                .reduce((first, last) -> last);
    }

    /** The experts' questions from their screenings the requester has not answered yet, oldest first. */
    @JsonIgnore
    public List<Clarification> openAreaQuestions() {
        return clarifications.stream().filter(clarification -> clarification.area() != null && clarification.open()).toList();
    }

    /** The plain-language steps, each done, current or still to come. */
    @JsonIgnore
    public List<ProgressStep.State> progress() {
        return ProgressStep.of(request.status(),
                history.stream().anyMatch(item -> item.entry().kind() == HistoryKind.TRIAGE_SKIPPED));
    }
}
