package dk.indkoebsscreening.request;

import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.TaskSubject;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.scope.FastTrackHandling;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.RequestMemo;
import dk.indkoebsscreening.web.Links;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The requests as other modules read them, and the one rule for who may read a request. Changes go through
 * {@link RequestService} (submitting) and {@link RequestLifecycle} (the steps).
 */
@Service
public class Requests {

    private final RequestRepository requests;
    private final EngineTasks engineTasks;

    Requests(RequestRepository requests, EngineTasks engineTasks) {
        this.requests = requests;
        this.engineTasks = engineTasks;
    }

    /** The request as what a task of its screening is about. */
    public static TaskSubject taskSubject(PurchaseRequest request) {
        return taskSubject(request, List.of());
    }

    /** @param flags the request's scope flags, shown with each of its tasks */
    static TaskSubject taskSubject(PurchaseRequest request, List<String> flags) {
        return new TaskSubject(TaskSubject.Kind.REQUEST, request.id(), request.reference(), request.title(),
                request.systemName(), request.vendor(), Links.request(request.id()), flags);
    }

    /**
     * Who may read a request, wherever it is shown (case file, task pages, files, report, duplicate check, lists): its
     * requester, and everyone who {@linkplain #mayReadEvery reads every request}.
     */
    public static boolean mayRead(PurchaseRequest request, CurrentUser user) {
        return request.requester().equals(user.username()) || mayReadEvery(user);
    }

    /**
     * The municipality's people who take part in screening (coordinators, the experts of every area, administrators)
     * read every request, whichever areas it concerns; anyone else only their own. The shared organisation's experts
     * read none this way, only through their tasks ({@link #readable}).
     */
    public static boolean mayReadEvery(CurrentUser user) {
        return user.readsEveryRequest();
    }

    /**
     * The request, if this user may read it; not found otherwise (so nobody learns that it exists). The shared
     * organisation's experts read a municipality's request while they have, or had, a task on it.
     */
    public PurchaseRequest readable(UUID id, CurrentUser user) {
        return findById(id)
                .filter(found -> mayRead(found, user) || user.ofSharedOrganisation() && found.processInstanceId() != null
                        && RequestMemo.of("involved:" + found.processInstanceId() + ":" + user.username(),
                                () -> engineTasks.involves(found.processInstanceId(), user.username(), user.groups())))
                .orElseThrow(() -> new RequestNotFoundException(id));
    }

    /** How the scope tables said the request is handled; empty for a request from before they did. */
    public Optional<FastTrackHandling> handling(UUID id) {
        return requests.handling(id);
    }

    /** A request of the caller's municipalities by its reference (IND-2026-0042), whoever may read it. */
    public Optional<PurchaseRequest> findByReference(String reference) {
        return requests.findByReference(reference);
    }

    /** Without asking who reads it: for the application's own steps and mails. Once per page view (RequestMemo). */
    public Optional<PurchaseRequest> findById(UUID id) {
        return RequestMemo.of("request:" + id, () -> requests.findById(id));
    }

    /** A request as another one names it: a re-screening and the request it follows. */
    public record Linked(UUID id, String reference, String title) {
    }

    /** What a re-screening follows: the earlier request, and what the requester said has changed since. */
    public record Rescreening(Linked previous, String changesSinceLast) {
    }

    /** The earlier request this one re-screens, if it is a re-screening. */
    public Optional<Rescreening> rescreeningOf(UUID id) {
        return requests.rescreeningOf(id);
    }

    /** The re-screenings that followed this request, oldest first. */
    public List<Linked> rescreenedBy(UUID id) {
        return requests.rescreenedBy(id);
    }

    /** The requester's newest requests, at most {@code limit}. */
    public List<PurchaseRequest> findByRequester(String requester, int limit) {
        return requests.findByRequester(requester, limit);
    }

    /** Requests in this status, soonest deadline first, at most {@code limit}. */
    public List<PurchaseRequest> findByStatus(RequestStatus status, int limit) {
        return requests.findByStatus(status, limit);
    }

    public List<PurchaseRequest> findRecent(int limit) {
        return requests.findRecent(limit);
    }

    /** The requests of these process instances, in one query. */
    public List<PurchaseRequest> findByProcessInstanceIds(Collection<String> processInstanceIds) {
        return requests.findByProcessInstanceIds(processInstanceIds);
    }

    /** An earlier request whose system is like the one typed, with how alike (0 to 1.5: name plus half the vendor's). */
    public record SimilarRequest(PurchaseRequest request, double score) {
    }

    /**
     * Requests for a system like this one, most alike first, a vendor alike ranking them higher.
     *
     * @param except the request itself on its triage page, else null
     */
    public List<SimilarRequest> similarBySystem(String systemName, String vendor, UUID except, int limit) {
        return requests.similarBySystem(systemName, vendor, except, limit);
    }

    /**
     * The id of the municipality whose request this is: what is printed for someone who works for several (the shared
     * organisation's experts, its administrator) names the request's municipality, not the reader's.
     */
    public String municipalityOf(UUID id) {
        return requests.municipalityOf(id).orElseThrow(() -> new RequestNotFoundException(id));
    }

    public boolean existsWithTitle(String title) {
        return requests.existsWithTitle(title);
    }

    public record StatusCount(RequestStatus status, long count) {
    }

    /** Requests per status: every open one, and the decided ones submitted since. */
    public List<StatusCount> countByStatus(Instant submittedSince) {
        return requests.countByStatus(submittedSince);
    }

    public Optional<Verdict> findRecommendation(UUID id) {
        return requests.findRecommendation(id);
    }
}
