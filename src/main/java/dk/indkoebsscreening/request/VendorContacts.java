package dk.indkoebsscreening.request;

import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.ConflictException;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The vendor's contact named or changed after submission, by the requester or a coordinator, while the request is open. */
@Service
public class VendorContacts {

    private final RequestRepository requests;
    private final CaseHistory history;

    VendorContacts(RequestRepository requests, CaseHistory history) {
        this.requests = requests;
        this.history = history;
    }

    /** The requester, who knows the vendor, and a coordinator, who may have to find out. */
    public static boolean mayChange(PurchaseRequest request, CurrentUser user) {
        return request.requester().equals(user.username()) || user.isCoordinator();
    }

    /**
     * @throws RequestNotFoundException the user may not read the request (so nobody learns that it exists)
     * @throws AccessDeniedException    a reader who may not change it
     * @throws ConflictException        the request is decided or withdrawn
     */
    @Transactional
    public void change(UUID requestId, VendorContact contact, CurrentUser user) {
        PurchaseRequest request = requests.lock(requestId);
        if (!Requests.mayRead(request, user)) {
            throw new RequestNotFoundException(requestId);
        }
        if (!mayChange(request, user)) {
            throw new AccessDeniedException(user.username() + " may not name the vendor's contact of " + requestId);
        }
        if (request.status().isClosed()) {
            throw new ConflictException("Request " + requestId + " is " + request.status(), "request.vendorContact.closed");
        }
        requests.changeVendorContact(requestId, contact);
        // The name and address stay on the request: the history is read by everyone who reads the request, and says who changed it.
        history.record(requestId, HistoryKind.VENDOR_CONTACT_CHANGED, user.username(), null, null, null);
    }
}
