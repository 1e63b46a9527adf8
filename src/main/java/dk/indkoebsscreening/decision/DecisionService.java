package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.attachment.AttachmentEvent.FileInfo;
import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.People.Person;
import dk.indkoebsscreening.security.PublicAddress;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.events.EventAmounts;
import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestLifecycle;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.Transition;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.screening.AreaScreening;
import dk.indkoebsscreening.screening.AreaState;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.system.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import dk.indkoebsscreening.scope.RequestScope;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.scope.ScopeRepository;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.transaction.annotation.Transactional;

/** The recommendation from the verdicts of the areas in scope, and the coordinator's decision that ends a request. */
@Service("purchaseDecisionService") // "decisionService" is Camunda's DMN service bean
public class DecisionService {

    private final RequestLifecycle lifecycle;
    private final Requests requests;
    private final DecisionRepository decisions;
    private final ScreeningService screening;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AttachmentService attachments;
    private final CaseHistory history;
    private final PublicAddress address;
    private final ScopeRepository scopes;
    private final People people;
    private final DeadlineProperties deadline;

    DecisionService(RequestLifecycle lifecycle, Requests requests, DecisionRepository decisions,
                    ScreeningService screening, OutboxWriter outbox, Clock clock, ApplicationEventPublisher events, AttachmentService attachments,
                    CaseHistory history, PublicAddress address, ScopeRepository scopes, People people,
                    DeadlineProperties deadline) {
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.decisions = decisions;
        this.screening = screening;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
        this.attachments = attachments;
        this.history = history;
        this.address = address;
        this.scopes = scopes;
        this.people = people;
        this.deadline = deadline;
    }

    @Transactional
    public void recordRecommendation(UUID requestId, Verdict recommendation) {
        recommend(requestId, recommendation);
        events.publishEvent(new DecisionDue(requestId, recommendation));
    }

    /** The recommendation and the end of the screening, without asking the coordinators to decide (the rules may). */
    private void recommend(UUID requestId, Verdict recommendation) {
        PurchaseRequest request = lifecycle.lock(requestId);
        Instant now = clock.instant();
        lifecycle.saveRecommendation(requestId, recommendation);
        lifecycle.transition(requestId, Transition.SCREENED);
        outbox.append(requestId, request.reference(), EventType.SCREENING_COMPLETED, now, new ScreeningCompleted(requestId,
                request.reference(), recommendation, request.status(), Transition.SCREENED.to(), now));
        history.record(requestId, HistoryKind.RECOMMENDED, null, null, recommendation.name(), null);
    }

    /** The verdict the areas' screenings recommend, once every area in scope is screened. */
    public Optional<Verdict> recommendation(UUID requestId) {
        return requests.findRecommendation(requestId);
    }

    /**
     * A coordinator may override the recommendation, but only with a reason; an approval with conditions binds at least
     * one, each area condition handled once, rewordings, merges and drops with a note, owners who are staff.
     */
    public List<FieldProblem> problems(UUID requestId, DecisionForm form) {
        if (form.outcome() == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Verdict> recommendation = requests.findRecommendation(requestId);
        boolean overrides = recommendation.map(recommended -> recommended != form.outcome()).orElse(false);
        if (overrides && Text.isBlank(form.reason())) {
            problems.add(new FieldProblem("reason", "decision.reason.requiredOnOverride"));
        }
        plan(requestId, form, problems);
        return problems;
    }

    /** The conditions the areas set, each with the reference the decision form and its API body name it by. */
    public List<ConditionPlan.SetCondition> setConditions(UUID requestId) {
        List<ConditionPlan.SetCondition> set = new ArrayList<>();
        for (AreaScreening area : screening.areasOf(requestId)) {
            for (int i = 0; i < area.conditions().size(); i++) {
                set.add(new ConditionPlan.SetCondition(area.area().name() + "-" + (i + 1), area.area(), area.conditions().get(i)));
            }
        }
        return set;
    }

    /** What the form binds when approved with conditions; nothing otherwise, whatever else it gives. */
    ConditionPlan plan(UUID requestId, DecisionForm form, List<FieldProblem> problems) {
        if (form.outcome() != Verdict.APPROVED_WITH_CONDITIONS) {
            return ConditionPlan.NONE;
        }
        PurchaseRequest request = requests.findById(requestId).orElseThrow();
        return ConditionPlan.of(setConditions(requestId), form, new ConditionPlan.Context(request.requester(),
                request.desiredStartDate(), LocalDate.now(clock.withZone(deadline.zone())), staff()), problems);
    }

    /** Whether a username is a member of staff, the members looked up once however many conditions name an owner. */
    private Predicate<String> staff() {
        SingletonSupplier<Set<String>> members = SingletonSupplier.of(() -> people.membersOf(Groups.STAFF).stream()
                .map(Person::id).collect(Collectors.toSet()));
        return username -> members.obtain().contains(username);
    }

    /**
     * Records the decision. {@code plan} is what the decision form bound; null where no form set it (a rejection at
     * triage, a decision task completed without the list): then every area condition is kept as set, owned by the
     * requester and due before go-live.
     */
    @Transactional
    public Decision record(UUID requestId, Verdict outcome, String reason, String decidedBy, ConditionPlan plan) {
        return record(requestId, outcome, reason, decidedBy, plan, null);
    }

    /**
     * A fast track the rule decides: every area in scope approved without conditions, so the recommendation is an
     * approval and so is the decision, recorded and published as a coordinator's would be, with the rule.
     */
    @Transactional
    public Decision decideByRule(UUID requestId, String rule) {
        recommend(requestId, Verdict.APPROVED);
        return record(requestId, Verdict.APPROVED, null, ScreeningProcess.DECIDED_BY_RULES, null, rule);
    }

    private Decision record(UUID requestId, Verdict outcome, String reason, String decidedBy, ConditionPlan plan, String rule) {
        PurchaseRequest request = lifecycle.lock(requestId);
        List<AreaScreening> areas = screening.areasOf(requestId);
        ConditionPlan conditions = outcome != Verdict.APPROVED_WITH_CONDITIONS ? ConditionPlan.NONE
                : plan != null ? plan
                : plan(requestId, new DecisionForm(outcome, reason, null, null), new ArrayList<>());
        Decision decision = new Decision(outcome, requests.findRecommendation(requestId).orElse(null),
                Text.orNull(reason), conditions.decided(), conditions.fates(), decidedBy, clock.instant(), rule);
        decisions.insert(requestId, decision);
        lifecycle.transition(requestId, Transition.decided(outcome));
        outbox.append(requestId, request.reference(), EventType.DECISION_MADE, decision.decidedAt(), DecisionMade.of(request, decision, areas,
                attachments.ofRequest(requestId).stream().filter(file -> !file.removed()).map(FileInfo::of).toList(),
                address.of("/api/requests/" + requestId + "/report.pdf"), ScopeOfDecision.of(scopes.find(requestId), areas)));
        events.publishEvent(new DecisionTaken(requestId, decision));
        if (decision.byRule()) {
            history.record(requestId, HistoryKind.DECIDED_BY_RULE, null, null, rule, null);
        } else {
            history.record(requestId, HistoryKind.DECIDED, decidedBy, null, outcome.name(), decision.reason());
        }
        return decision;
    }

    public Optional<Decision> find(UUID requestId) {
        return decisions.find(requestId);
    }

    /** screening.completed.v1: the recommendation is in decision.made.v1 too; who screened stays in the application. */
    record ScreeningCompleted(UUID requestId, String reference, Verdict recommendation, RequestStatus statusBefore,
                              RequestStatus status, Instant completedAt) {
    }

    /**
     * What integrated systems need to act on a decision: the request's files (names, never content) and where its
     * screening report is, for the case and journal system. The only personal data is the requester's user id
     * (and who added a file); findings and free-text needs stay inside the application. {@code personalData} keeps
     * version 1.0.0's one value ({@link PersonalData#eventValue}), {@code personalDataCategories} has them all.
     */
    record DecisionMade(UUID requestId, String reference, String title, String systemName, String vendor,
                        String department, String requester, Verdict outcome, Verdict recommendation,
                        boolean overridden, String reason, List<String> conditions, List<AreaVerdict> areas,
                        BigDecimal oneOffCostDkk, BigDecimal annualCostDkk, int contractYears,
                        BigDecimal contractValueDkk, PersonalData personalData, List<PersonalData> personalDataCategories,
                        Hosting hosting,
                        LocalDate desiredStartDate, Instant submittedAt, Instant deadline, boolean deadlineMissed,
                        Instant decidedAt, List<FileInfo> attachments, String report, ScopeOfDecision scope,
                        DecidedBy decidedBy, String rule) {

        static DecisionMade of(PurchaseRequest request, Decision decision, List<AreaScreening> areas,
                               List<FileInfo> attachments, String report, ScopeOfDecision scope) {
            return new DecisionMade(request.id(), request.reference(), request.title(), request.systemName(),
                    request.vendor(), request.department(), request.requester(), decision.outcome(),
                    decision.recommendation(), decision.overridden(), decision.reason(), decision.conditions(),
                    areas.stream().filter(area -> area.state() == AreaState.COMPLETED).map(AreaVerdict::of).toList(),
                    EventAmounts.dkk(request.oneOffCostDkk()), EventAmounts.dkk(request.annualCostDkk()), request.contractYears(),
                    EventAmounts.dkk(request.contractValueDkk()), PersonalData.eventValue(request.personalDataCategories()),
                    request.personalDataCategories(), request.hosting(),
                    request.desiredStartDate(), request.submittedAt(), request.deadline(),
                    request.deadlineMissedAt() != null, decision.decidedAt(), attachments, report, scope,
                    decision.byRule() ? DecidedBy.RULES : DecidedBy.COORDINATOR, decision.rule());
        }
    }

    /** Who decided, as decision.made tells it (optional fields added in 1.x); who the coordinator was stays inside. */
    enum DecidedBy {
        COORDINATOR, RULES
    }

    /**
     * The scope of the decision: which areas screened, which were left out and why, and the flags downstream systems
     * act on (a DPIA task, a tender case).
     */
    record ScopeOfDecision(List<Area> areas, List<NotRelevantArea> notRelevant, List<ScopeFlag> flags,
                           boolean confirmedAtTriage, boolean changedAtTriage, String reason) {

        static ScopeOfDecision of(RequestScope scope, List<AreaScreening> screenings) {
            return new ScopeOfDecision(scope.current().areas(),
                    screenings.stream().filter(area -> area.state() == AreaState.NOT_RELEVANT)
                            .map(area -> new NotRelevantArea(area.area(), area.findings())).toList(),
                    scope.current().flags(), scope.confirmedAtTriage(), scope.changed(), scope.reason());
        }
    }

    record NotRelevantArea(Area area, String reason) {
    }

    record AreaVerdict(Area area, Verdict verdict, List<String> conditions, Instant completedAt) {

        static AreaVerdict of(AreaScreening screening) {
            return new AreaVerdict(screening.area(), screening.verdict(), screening.conditions(), screening.completedAt());
        }
    }
}
