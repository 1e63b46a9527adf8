package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.Transition;
import dk.indkoebsscreening.scope.Scope;
import dk.indkoebsscreening.scope.ScopeRepository;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coordinator's triage and the requester's answers to its questions. */
@Service
public class TriageService {

    private final RequestLifecycle lifecycle;
    private final ClarificationRepository clarifications;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseHistory history;
    private final ScopeRepository scopes;

    TriageService(RequestLifecycle lifecycle, ClarificationRepository clarifications, Clock clock,
                  ApplicationEventPublisher events, CaseHistory history, ScopeRepository scopes) {
        this.lifecycle = lifecycle;
        this.clarifications = clarifications;
        this.clock = clock;
        this.events = events;
        this.history = history;
        this.scopes = scopes;
    }

    /** A question or a rejection needs its text; an acceptance at least one area, and a reason for a changed scope. */
    public List<FieldProblem> problems(UUID requestId, TriageForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean needsComment = form.outcome() != null && form.outcome() != TriageOutcome.ACCEPT;
        if (needsComment && Text.isBlank(form.comment())) {
            problems.add(new FieldProblem("comment", form.outcome() == TriageOutcome.REJECT
                    ? "triage.comment.requiredOnReject" : "triage.comment.requiredOnQuestion"));
        }
        if (form.outcome() == TriageOutcome.ACCEPT) {
            Scope proposed = scopes.find(requestId).proposed();
            Scope chosen = chosenScope(proposed, form);
            if (chosen.areas().isEmpty()) {
                problems.add(new FieldProblem("areas", "triage.scope.noArea"));
            }
            if (!chosen.equals(proposed) && Text.isBlank(form.scopeReason())) {
                problems.add(new FieldProblem("scopeReason", "triage.scope.reasonRequired"));
            }
        }
        return problems;
    }

    /**
     * The scope the coordinator accepts: the proposal where the form leaves areas or flags out. A null in a list is
     * already a field problem (Bean Validation) and is skipped here.
     */
    private static Scope chosenScope(Scope proposed, TriageForm form) {
        return new Scope(form.areas() != null ? withoutNulls(form.areas()) : proposed.areas(),
                form.flags() != null ? withoutNulls(form.flags()) : proposed.flags());
    }

    private static <T> List<T> withoutNulls(List<T> values) {
        return values.stream().filter(Objects::nonNull).toList();
    }

    /**
     * Records the triage and returns the variables that route the process: a rejection at triage is
     * a decision, so it carries the decision variables too.
     */
    @Transactional
    public Map<String, Object> record(UUID requestId, TriageForm form, String coordinator) {
        InvalidInputException.throwIfAny(problems(requestId, form));
        lifecycle.lock(requestId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ScreeningProcess.TRIAGE_OUTCOME, form.outcome().name());
        switch (form.outcome()) {
            case NEED_MORE_INFORMATION -> {
                clarifications.ask(requestId, form.comment().strip(), coordinator, clock.instant());
                lifecycle.transition(requestId, Transition.QUESTION_ASKED);
                events.publishEvent(new QuestionAsked(requestId, form.comment().strip(), coordinator));
                history.record(requestId, HistoryKind.QUESTION_ASKED, coordinator, null, null, form.comment().strip());
            }
            case REJECT -> {
                variables.putAll(ScreeningProcess.decisionVariables(Verdict.REJECTED, form.comment().strip(), coordinator));
                history.record(requestId, HistoryKind.TRIAGE_REJECTED, coordinator, null, null, form.comment().strip());
            }
            case ACCEPT -> {
                Scope proposed = scopes.find(requestId).proposed();
                Scope chosen = chosenScope(proposed, form);
                boolean changed = !chosen.equals(proposed);
                String reason = changed ? form.scopeReason().strip() : null;
                scopes.confirm(requestId, chosen, reason, coordinator, clock.instant());
                // The model's next step opens the areas in scope and records the others as not relevant.
                variables.putAll(ScreeningProcess.scopeVariables(chosen.areas()));
                history.record(requestId, HistoryKind.TRIAGE_ACCEPTED, coordinator, null, null,
                        Text.orNull(form.comment()));
                if (changed) {
                    history.record(requestId, HistoryKind.SCOPE_CHANGED, coordinator, null, null, reason);
                }
            }
        }
        return variables;
    }


    @Transactional
    public void answer(UUID requestId, InformationForm form, String requester) {
        lifecycle.lock(requestId);
        if (!clarifications.answer(requestId, form.answer().strip(), requester, clock.instant())) {
            throw new ConflictException("No open question on request " + requestId);
        }
        lifecycle.transition(requestId, Transition.QUESTION_ANSWERED);
        events.publishEvent(new QuestionAnswered(requestId, form.answer().strip()));
        history.record(requestId, HistoryKind.QUESTION_ANSWERED, requester, null, null, form.answer().strip());
    }
}
