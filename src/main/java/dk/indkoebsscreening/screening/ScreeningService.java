package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.ScreeningGroups;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.Transition;
import dk.indkoebsscreening.scope.RequestScope;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.scope.ScopeRepository;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The expert group's screening: opening the six areas, recording verdicts, reminders and missed deadlines. */
@Service
public class ScreeningService {

    private final RequestLifecycle lifecycle;
    private final AreaScreeningRepository areas;
    private final EscalationRepository escalations;
    private final ChecklistProperties checklists;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseHistory history;
    private final ScopeRepository scopes;
    private final MessageSource messages;
    private final ScreeningGroups screeningGroups;

    ScreeningService(RequestLifecycle lifecycle, AreaScreeningRepository areas, EscalationRepository escalations,
                     ChecklistProperties checklists, OutboxWriter outbox, Clock clock, ApplicationEventPublisher events,
                     CaseHistory history, ScopeRepository scopes, MessageSource messages, ScreeningGroups screeningGroups) {
        this.screeningGroups = screeningGroups;
        this.lifecycle = lifecycle;
        this.areas = areas;
        this.escalations = escalations;
        this.checklists = checklists;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
        this.history = history;
        this.scopes = scopes;
        this.messages = messages;
    }

    /**
     * Opens the areas of the scope confirmed at triage and records the others as not relevant, with the
     * coordinator's reason or, for the proposal unchanged, the fast track's.
     */
    @Transactional
    public void start(UUID requestId) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        RequestScope scope = scopes.find(requestId);
        List<Area> inScope = scope.current().areas();
        inScope.forEach(area -> areas.open(requestId, area, now));
        List<NotRelevantArea> notRelevant = scope.current().notRelevant().stream()
                .map(area -> new NotRelevantArea(area, notRelevantReason(scope, area))).toList();
        for (NotRelevantArea area : notRelevant) {
            areas.markNotRelevant(requestId, area.area(), area.reason(), scope.confirmedBy(), now);
            history.record(requestId, HistoryKind.AREA_NOT_RELEVANT, scope.confirmedBy(), area.area(), null, area.reason());
        }
        lifecycle.transition(requestId, Transition.SCREENING_STARTED);
        outbox.append(requestId, request.reference(), EventType.SCREENING_STARTED, now, new ScreeningStarted(requestId,
                request.reference(), now, request.deadline(), inScope, notRelevant, scope.current().flags()));
        events.publishEvent(new ScreeningOpened(requestId, inScope));
        history.record(requestId, HistoryKind.SCREENING_STARTED, null, null, null, null);
    }

    /**
     * The coordinator's reason for an area the coordinator took out of the proposal; the rules' for one they left
     * out. Kept as Danish text, like the coordinator's own: it goes into the case file and the events.
     */
    private String notRelevantReason(RequestScope scope, Area area) {
        if (scope.proposed().areas().contains(area) && scope.reason() != null) {
            return scope.reason();
        }
        String key = scope.proposed().has(ScopeFlag.FAST_TRACK) ? "scope.notRelevant.fastTrack" : "scope.notRelevant.proposal";
        return messages.getMessage(key, null, Locale.forLanguageTag("da"));
    }

    /** An expert's screening against the rules and the area's checklist, before anything changes. */
    public List<FieldProblem> problems(Area area, ScreeningForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.verdict() == Verdict.APPROVED_WITH_CONDITIONS && form.conditions().isEmpty()) {
            problems.add(new FieldProblem("conditions", "screening.conditions.required"));
        }
        if (form.verdict() == Verdict.APPROVED && !form.conditions().isEmpty()) {
            problems.add(new FieldProblem("conditions", "screening.conditions.notAllowed"));
        }
        if (form.verdict() == Verdict.REJECTED && Text.isBlank(form.findings())) {
            problems.add(new FieldProblem("findings", "screening.findings.requiredOnRejection"));
        }
        List<ChecklistQuestion> questions = checklists.forArea(area);
        Set<String> known = questions.stream().map(ChecklistQuestion::id).collect(Collectors.toSet());
        form.checklist().keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> problems.add(new FieldProblem("checklist." + key, "screening.checklist.unknown")));
        for (ChecklistQuestion question : questions) {
            String answer = form.checklist().get(question.id());
            String field = "checklist." + question.id();
            if (Text.isBlank(answer)) {
                if (question.required()) {
                    problems.add(new FieldProblem(field, "screening.checklist.required", question.text()));
                }
            } else if (!question.isFreeText() && !question.options().contains(answer)) {
                problems.add(new FieldProblem(field, "screening.checklist.option", String.join(", ", question.options())));
            }
        }
        return problems;
    }

    @Transactional
    public void record(UUID requestId, Area area, ScreeningForm form, String expert) {
        InvalidInputException.throwIfAny(problems(area, form));
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        if (!areas.complete(requestId, area, form, expert, now)) {
            throw new ConflictException(area + " of " + request.reference() + " is not open for screening");
        }
        outbox.append(requestId, request.reference(), EventType.AREA_SCREENED, now, new AreaScreened(
                requestId, request.reference(), area, form.verdict(), form.conditions(), now,
                !now.isAfter(request.deadline())));
        history.record(requestId, HistoryKind.AREA_SCREENED, expert, area, form.verdict().name(), Text.orNull(form.findings()));
    }

    @Transactional
    public void remindOpenAreas(UUID requestId) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        List<Area> open = areas.markOpenReminded(requestId, now);
        if (!open.isEmpty()) {
            outbox.append(requestId, request.reference(), EventType.SCREENING_REMINDER_SENT, now,
                    new ReminderSent(requestId, request.reference(), request.deadline(), now, openAreas(open)));
            events.publishEvent(new ReminderDue(requestId, open));
            open.forEach(area -> history.record(requestId, HistoryKind.REMINDER_SENT, null, area, null, null));
        }
    }

    /**
     * Records the missed deadline and raises the escalation; returns the number of areas still open.
     * None open means every area was screened in time and only the join had not run: nothing is
     * recorded then.
     */
    @Transactional
    public int recordDeadlineMissed(UUID requestId) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        List<Area> open = areas.findByRequest(requestId).stream()
                .filter(screening -> screening.state() == AreaState.OPEN)
                .map(AreaScreening::area)
                .toList();
        if (open.isEmpty()) {
            return 0;
        }
        lifecycle.markDeadlineMissed(requestId, now);
        escalations.raise(requestId, open, now);
        outbox.append(requestId, request.reference(), EventType.DEADLINE_MISSED, now,
                new DeadlineMissed(requestId, request.reference(), request.deadline(), now, openAreas(open)));
        events.publishEvent(new DeadlinePassed(requestId, open));
        open.forEach(area -> history.record(requestId, HistoryKind.DEADLINE_MISSED, null, area, null, null));
        return open.size();
    }

    /** The request was withdrawn: its open screenings end, recorded as cancelled. */
    @Transactional
    public void cancelOpenAreas(UUID requestId, Instant at) {
        lifecycle.lock(requestId);
        areas.cancelOpen(requestId, at);
    }

    @Transactional
    public void handleEscalation(UUID requestId, EscalationForm form, String coordinator) {
        lifecycle.lock(requestId);
        escalations.handle(requestId, coordinator, form.comment(), clock.instant());
        history.record(requestId, HistoryKind.ESCALATION_HANDLED, coordinator, null, null, Text.orNull(form.comment()));
    }


    /** The six areas in a fixed order, with the ones not yet started shown as pending and those left out as not relevant. */
    public List<AreaScreening> areasOf(UUID requestId) {
        Map<Area, AreaScreening> stored = areas.findByRequest(requestId).stream()
                .collect(Collectors.toMap(AreaScreening::area, screening -> screening));
        return Arrays.stream(Area.values()).map(area -> stored.getOrDefault(area, AreaScreening.pending(area))).toList();
    }

    public List<ChecklistQuestion> checklist(Area area) {
        return checklists.forArea(area);
    }

    private List<OpenArea> openAreas(List<Area> open) {
        return open.stream().map(area -> new OpenArea(area, screeningGroups.groupOf(area))).toList();
    }

    record NotRelevantArea(Area area, String reason) {
    }

    record ScreeningStarted(UUID requestId, String reference, Instant startedAt, Instant deadline, List<Area> areas,
                            List<NotRelevantArea> notRelevant, List<ScopeFlag> flags) {
    }

    record AreaScreened(UUID requestId, String reference, Area area, Verdict verdict, List<String> conditions,
                        Instant completedAt, boolean withinDeadline) {
    }

    record OpenArea(Area area, String candidateGroup) {
    }

    record ReminderSent(UUID requestId, String reference, Instant deadline, Instant remindedAt, List<OpenArea> openAreas) {
    }

    record DeadlineMissed(UUID requestId, String reference, Instant deadline, Instant missedAt,
                          List<OpenArea> openAreas) {
    }
}
