package dk.indkoebsscreening.request;

import dk.indkoebsscreening.process.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of a request's status, by the table in {@link Transition}; and the request's lock, which every
 * step takes before it changes anything. A step the table does not allow now is refused as a conflict. A request that
 * closes stops waiting for its requester ({@link RequesterWaits}) and says so ({@link RequestClosed}).
 */
@Service
public class RequestLifecycle {

    private final RequestRepository requests;
    private final RequesterWaits waits;
    private final Clock clock;
    private final ApplicationEventPublisher facts;

    RequestLifecycle(RequestRepository requests, RequesterWaits waits, Clock clock, ApplicationEventPublisher facts) {
        this.requests = requests;
        this.waits = waits;
        this.clock = clock;
        this.facts = facts;
    }

    /**
     * Serialises the steps of one request. Every step takes this lock before it changes anything, which keeps the
     * outbox in commit order per request and lets six experts finish at the same moment without deadlocks.
     *
     * @throws RequestNotFoundException no such request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PurchaseRequest lock(UUID id) {
        return requests.lock(id);
    }

    /**
     * Changes the status if the table allows it from the status the request has when the update runs: the check is
     * the update's own condition, so of two steps racing for one change only the first passes, even without the lock.
     *
     * @throws IllegalTransitionException the request's status does not allow it (now)
     * @throws RequestNotFoundException   no such request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void transition(UUID requestId, Transition transition) {
        if (!requests.changeStatus(requestId, transition.from(), transition.to())) {
            RequestStatus now = requests.findById(requestId).map(PurchaseRequest::status)
                    .orElseThrow(() -> new RequestNotFoundException(requestId));
            throw new IllegalTransitionException(requestId, now, transition);
        }
        // Every way to close passes here (decided by a coordinator or the rules, withdrawn): a question left open
        // would otherwise keep the request waiting for ever.
        if (transition.to().isClosed()) {
            waits.requestClosed(requestId, clock.instant());
            facts.publishEvent(new RequestClosed(requestId));
        }
    }

    /**
     * Refuses a step the table does not allow from this (locked) request's status, before the step does anything
     * else.
     *
     * @throws IllegalTransitionException it does not
     */
    public void requireAllowed(PurchaseRequest request, Transition transition) {
        if (!transition.allowedFrom(request.status())) {
            throw new IllegalTransitionException(request.id(), request.status(), transition);
        }
    }

    /** What the recommendation table proposed, once every area in scope is screened. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void saveRecommendation(UUID id, Verdict recommendation) {
        requests.saveRecommendation(id, recommendation);
    }

    /** The first time the screening deadline passed with areas open; later times change nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markDeadlineMissed(UUID id, Instant at) {
        requests.markDeadlineMissed(id, at);
    }
}
