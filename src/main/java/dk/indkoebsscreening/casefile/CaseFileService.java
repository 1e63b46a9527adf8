package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.AttachmentService;
import dk.indkoebsscreening.deadline.DeadlineCalculator;
import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.decision.DecisionService;
import dk.indkoebsscreening.followup.ConditionFollowUp;
import dk.indkoebsscreening.request.ContractValue;
import dk.indkoebsscreening.request.ProcurementProperties;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.screening.EscalationRepository;
import dk.indkoebsscreening.scope.ScopeRepository;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.triage.ClarificationRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The case file of a request for whoever may read it (its requester, the expert group, administrators):
 * assembled from the tables each step owns, and lists of requests.
 */
@Service
public class CaseFileService {

    /** The newest requests a list shows by default: bounded, so it stays fast for long-time requesters. */
    public static final int DEFAULT_LIMIT = 200;

    private final Requests requests;
    private final ScreeningService screening;
    private final ClarificationRepository clarifications;
    private final EscalationRepository escalations;
    private final DecisionService decisions;
    private final DeadlineCalculator deadlines;
    private final ProcurementProperties procurement;
    private final DeadlineProperties deadlineProperties;
    private final Clock clock;
    private final AttachmentService attachments;
    private final CaseHistory history;
    private final RequestSearch search;
    private final People people;
    private final ConditionFollowUp conditions;
    private final ScopeRepository scopes;

    CaseFileService(Requests requests, ScreeningService screening, ClarificationRepository clarifications,
                    EscalationRepository escalations, DecisionService decisions, DeadlineCalculator deadlines,
                    ProcurementProperties procurement, Clock clock, AttachmentService attachments,
                    CaseHistory history, People people, RequestSearch search, DeadlineProperties deadlineProperties,
                    ScopeRepository scopes, ConditionFollowUp conditions) {
        this.requests = requests;
        this.screening = screening;
        this.clarifications = clarifications;
        this.escalations = escalations;
        this.decisions = decisions;
        this.deadlines = deadlines;
        this.procurement = procurement;
        this.deadlineProperties = deadlineProperties;
        this.clock = clock;
        this.attachments = attachments;
        this.history = history;
        this.search = search;
        this.people = people;
        this.scopes = scopes;
        this.conditions = conditions;
    }

    public CaseFile caseFile(UUID id, CurrentUser user) {
        PurchaseRequest request = readable(id, user);
        return new CaseFile(
                request,
                deadlines.workingDaysLeft(clock.instant(), request.deadline()),
                ContractValue.of(request, procurement, deadlineProperties.zone()),
                scopes.find(id),
                requests.findRecommendation(id).orElse(null),
                screening.areasOf(id),
                clarifications.findByRequest(id),
                escalations.find(id).orElse(null),
                decisions.find(id).orElse(null),
                conditions.of(id),
                attachments.ofRequest(id),
                history.of(id).stream().map(entry -> new HistoryItem(entry, people.name(entry.actor()))).toList());
    }

    /**
     * A file of a request this user may read, or one they added themselves (a colleague a condition was handed to adds
     * its evidence without reading the request); not found otherwise.
     */
    public Attachment readableAttachment(UUID requestId, UUID attachmentId, CurrentUser user) {
        Optional<Attachment> own = attachments.ofRequest(requestId).stream()
                .filter(file -> file.id().equals(attachmentId) && !file.removed() && file.addedBy().equals(user.username()))
                .findFirst();
        if (own.isPresent()) {
            return own.get();
        }
        readable(requestId, user);
        return attachments.find(requestId, attachmentId);
    }

    /** The request, if this user may read it; not found otherwise (so nobody learns that it exists). */
    public PurchaseRequest readable(UUID id, CurrentUser user) {
        return requests.readable(id, user);
    }

    /** The search: the expert group over every request, anyone else over their own only. */
    Paged<RequestSearch.Found> search(CurrentUser user, RequestSearch.Criteria criteria, RequestSearch.Order order, int page, int size) {
        return search.find(Requests.mayReadEvery(user) ? criteria : criteria.onlyOf(user.username()), order, page, size);
    }

    /** The search's words spelt as the requests this user may find spell them, for a search that found nothing. */
    Optional<String> suggestion(CurrentUser user, RequestSearch.Criteria criteria) {
        return search.suggestion(Requests.mayReadEvery(user) ? criteria : criteria.onlyOf(user.username()));
    }

    /** One's own requests, newest first, in pages. */
    Paged<RequestSearch.Found> minePaged(CurrentUser user, int page, int size) {
        return search.find(RequestSearch.Criteria.any().onlyOf(user.username()), RequestSearch.Order.NEWEST, page, size);
    }

    public List<RequestSummary> mine(CurrentUser user, int limit) {
        return requests.findByRequester(user.username(), limit).stream().map(RequestSummary::of).toList();
    }

    /** For coordinators: the requests whose triage waits for the requester's answer, soonest deadline first. */
    public List<RequestSummary> awaitingRequester(CurrentUser user, int limit) {
        if (!user.isCoordinator()) {
            return List.of();
        }
        return requests.findByStatus(RequestStatus.AWAITING_INFORMATION, limit).stream().map(RequestSummary::of).toList();
    }

    /** The expert group sees the newest requests of everyone; others only their own. */
    public List<RequestSummary> visibleTo(CurrentUser user, int limit) {
        if (!Requests.mayReadEvery(user)) {
            return mine(user, limit);
        }
        return requests.findRecent(limit).stream().map(RequestSummary::of).toList();
    }
}
