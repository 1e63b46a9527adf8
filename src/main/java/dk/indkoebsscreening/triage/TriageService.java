package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.RequestRepository;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coordinator's triage and the requester's answers to its questions. */
@Service
public class TriageService {

    private final RequestRepository requests;
    private final ClarificationRepository clarifications;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseHistory history;

    TriageService(RequestRepository requests, ClarificationRepository clarifications, Clock clock,
                  ApplicationEventPublisher events, CaseHistory history) {
        this.requests = requests;
        this.clarifications = clarifications;
        this.clock = clock;
        this.events = events;
        this.history = history;
    }

    /** A question or a rejection needs its text. */
    public List<FieldProblem> problems(TriageForm form) {
        boolean needsComment = form.outcome() != null && form.outcome() != TriageOutcome.ACCEPT;
        if (needsComment && (form.comment() == null || form.comment().isBlank())) {
            return List.of(new FieldProblem("comment", form.outcome() == TriageOutcome.REJECT
                    ? "triage.comment.requiredOnReject" : "triage.comment.requiredOnQuestion"));
        }
        return List.of();
    }

    /**
     * Records the triage and returns the variables that route the process: a rejection at triage is
     * a decision, so it carries the decision variables too.
     */
    @Transactional
    public Map<String, Object> record(UUID requestId, TriageForm form, String coordinator) {
        InvalidInputException.throwIfAny(problems(form));
        requests.lock(requestId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ScreeningProcess.TRIAGE_OUTCOME, form.outcome().name());
        switch (form.outcome()) {
            case NEED_MORE_INFORMATION -> {
                clarifications.ask(requestId, form.comment().strip(), coordinator, clock.instant());
                requests.updateStatus(requestId, RequestStatus.AWAITING_INFORMATION);
                events.publishEvent(new QuestionAsked(requestId, form.comment().strip(), coordinator));
                history.record(requestId, HistoryKind.QUESTION_ASKED, coordinator, null, null, form.comment().strip());
            }
            case REJECT -> {
                variables.putAll(ScreeningProcess.decisionVariables(Verdict.REJECTED, form.comment().strip(), coordinator));
                history.record(requestId, HistoryKind.TRIAGE_REJECTED, coordinator, null, null, form.comment().strip());
            }
            case ACCEPT -> {
                // The model's next step opens the six areas.
                history.record(requestId, HistoryKind.TRIAGE_ACCEPTED, coordinator, null, null,
                        form.comment() == null || form.comment().isBlank() ? null : form.comment().strip());
            }
        }
        return variables;
    }

    @Transactional
    public void answer(UUID requestId, InformationForm form, String requester) {
        requests.lock(requestId);
        if (!clarifications.answer(requestId, form.answer().strip(), requester, clock.instant())) {
            throw new ConflictException("No open question on request " + requestId);
        }
        requests.updateStatus(requestId, RequestStatus.IN_TRIAGE);
        events.publishEvent(new QuestionAnswered(requestId, form.answer().strip()));
        history.record(requestId, HistoryKind.QUESTION_ANSWERED, requester, null, null, form.answer().strip());
    }
}
