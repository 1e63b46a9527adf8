package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.VendorContact;
import dk.indkoebsscreening.request.VendorContacts;
import dk.indkoebsscreening.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The vendor's questionnaire as the staff's pages show it, for whoever may read the request. */
@Service
public class VendorStaffView {

    private final Requests requests;
    private final VendorInvitations invitations;
    private final VendorAnswers answers;
    private final Clock clock;

    VendorStaffView(Requests requests, VendorInvitations invitations, VendorAnswers answers, Clock clock) {
        this.requests = requests;
        this.invitations = invitations;
        this.answers = answers;
        this.clock = clock;
    }

    /** @throws dk.indkoebsscreening.request.RequestNotFoundException the user may not read the request */
    public VendorPanel panel(UUID requestId, CurrentUser user) {
        PurchaseRequest request = requests.readable(requestId, user);
        List<VendorInvitation> rounds = invitations.rounds(requestId);
        VendorInvitation last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        VendorContact contact = last != null ? new VendorContact(last.contactName(), last.contactEmail()) : request.vendorContact();
        return new VendorPanel(requestId, contact, request.vendorContact(), last == null ? VendorLanguage.DA : last.language(),
                invitations.mayInvite(requestId, user.username()), VendorContacts.mayChange(request, user),
                request.status().isClosed(), rounds, answers.forRequest(requestId), answers.followUps(requestId), request.deadline(),
                invitations.expiryOfLinkSentNow(), clock.instant());
    }
}
