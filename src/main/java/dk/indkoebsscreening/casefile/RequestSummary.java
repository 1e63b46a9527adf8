package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestStatus;
import java.time.Instant;
import java.util.UUID;

/** A line in a list of requests. */
public record RequestSummary(UUID id, String reference, String title, String systemName, String department,
                             String requester, RequestStatus status, Instant submittedAt, Instant deadline) {

    static RequestSummary of(PurchaseRequest request) {
        return new RequestSummary(request.id(), request.reference(), request.title(), request.systemName(),
                request.department(), request.requester(), request.status(), request.submittedAt(),
                request.deadline());
    }
}
