package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.request.RequesterWaits;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.process.EngineGate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import dk.indkoebsscreening.request.Transition;
import dk.indkoebsscreening.scope.Scope;
import dk.indkoebsscreening.scope.ScopeRepository;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
    private final OutboxWriter outbox;
    private final RequesterWaits waits;
    private final AnswerBy answerBy;
    private final Requests requests;
    private final RuntimeService runtime;

    TriageService(RequestLifecycle lifecycle, ClarificationRepository clarifications, Clock clock,
                  ApplicationEventPublisher events, CaseHistory history, ScopeRepository scopes, OutboxWriter outbox,
                  RequesterWaits waits, AnswerBy answerBy, Requests requests, RuntimeService runtime) {
        this.lifecycle = lifecycle;
        this.clarifications = clarifications;
        this.clock = clock;
        this.events = events;
        this.history = history;
        this.scopes = scopes;
        this.outbox = outbox;
        this.waits = waits;
        this.answerBy = answerBy;
        this.requests = requests;
        this.runtime = runtime;
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
        PurchaseRequest request = lifecycle.lock(requestId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ScreeningProcess.TRIAGE_OUTCOME, form.outcome().name());
        switch (form.outcome()) {
            case NEED_MORE_INFORMATION -> {
                Instant now = clock.instant();
                LocalDate by = answerBy.of(now, request.deadline());
                clarifications.ask(requestId, null, form.comment().strip(), coordinator, now, by);
                lifecycle.transition(requestId, Transition.QUESTION_ASKED);
                waits.waitStarted(requestId, now);
                outbox.append(requestId, request.reference(), EventType.INFORMATION_REQUESTED, now,
                        new InformationRequested(requestId, request.reference(), request.requester(), request.status(),
                                Transition.QUESTION_ASKED.to(), now));
                events.publishEvent(new QuestionAsked(requestId, form.comment().strip(), coordinator, null, by));
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


    /**
     * A fast track accepted by the rule without a coordinator: the proposed scope is confirmed as triage would confirm
     * it (nobody named as having confirmed it) and the coordinators are told, who may still step in.
     */
    @Transactional
    public Map<String, Object> acceptByRule(UUID requestId, String rule) {
        lifecycle.lock(requestId);
        Scope proposed = scopes.find(requestId).proposed();
        scopes.confirm(requestId, proposed, null, null, clock.instant());
        history.record(requestId, HistoryKind.TRIAGE_SKIPPED, null, null, rule, null);
        events.publishEvent(new FastTrackAccepted(requestId, rule));
        return ScreeningProcess.scopeVariables(proposed.areas());
    }

    /**
     * A coordinator steps in on a fast track the rules would decide: the decision comes to the coordinators' task
     * whatever the areas say ({@link ScreeningProcess#AUTOMATIC_DECISION} off).
     *
     * @throws RequestNotFoundException the user may not read the request
     * @throws AccessDeniedException    the user is no coordinator
     * @throws ConflictException        the rules would not decide it (any more)
     */
    @Transactional
    public void stepIn(UUID requestId, CurrentUser user) {
        requests.readable(requestId, user);
        if (!user.isCoordinator()) {
            throw new AccessDeniedException(user.username() + " is no coordinator");
        }
        PurchaseRequest request = lifecycle.lock(requestId);
        if (!rulesWouldDecide(request)) {
            throw new ConflictException("Request " + requestId + " is not decided by the rules", "triage.fastTrack.notByRules");
        }
        EngineGate.asApplication(() -> {
            runtime.setVariable(request.processInstanceId(), ScreeningProcess.AUTOMATIC_DECISION, false);
            return null;
        });
        history.record(requestId, HistoryKind.FAST_TRACK_STEPPED_IN, user.username(), null, null, null);
    }

    /**
     * Whether a coordinator may still step in: the request is being screened on a fast track that the rules would
     * decide and nobody stepped in yet (stepping in turns the process's flag off).
     */
    public boolean rulesWouldDecide(PurchaseRequest request) {
        return request.status() == RequestStatus.IN_SCREENING && EngineGate.asApplication(() ->
                Boolean.TRUE.equals(runtime.getVariable(request.processInstanceId(), ScreeningProcess.AUTOMATIC_DECISION)));
    }

    @Transactional
    public void answer(UUID requestId, InformationForm form, String requester) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        if (!clarifications.answer(requestId, form.answer().strip(), requester, now)) {
            throw new ConflictException("No open question on request " + requestId);
        }
        lifecycle.transition(requestId, Transition.QUESTION_ANSWERED);
        outbox.append(requestId, request.reference(), EventType.INFORMATION_PROVIDED, now,
                new InformationProvided(requestId, request.reference(), request.requester(), request.status(),
                        Transition.QUESTION_ANSWERED.to(), now));
        events.publishEvent(new QuestionAnswered(requestId, form.answer().strip(), null, null, null));
        history.record(requestId, HistoryKind.QUESTION_ANSWERED, requester, null, null, form.answer().strip());
        // After the answer, so that the history tells how long the wait was (and where the deadline moved) below it.
        waits.waitEnded(requestId, now);
    }

    /*
     * The question and the answer stay in the application, like the need they are about, and so does the coordinator
     * who asked; the requester, whose turn it is or was, is named as in every event.
     */

    /** information.requested.v1 */
    record InformationRequested(UUID requestId, String reference, String requester, RequestStatus statusBefore,
                                RequestStatus status, Instant requestedAt) {
    }

    /** information.provided.v1 */
    record InformationProvided(UUID requestId, String reference, String requester, RequestStatus statusBefore,
                               RequestStatus status, Instant providedAt) {
    }
}
