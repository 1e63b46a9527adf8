package dk.indkoebsscreening.vendor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One round of questions to the vendor's contact of one request.
 *
 * @param round             1 for the first invitation of the request, then one more per new round
 * @param followUpQuestions the experts' own questions of this round (none in round 1)
 * @param invitedBy         the user id of the expert or coordinator who sent it
 * @param remindedAt        when the vendor was reminded that it expires, else null
 * @param openedAt          when the vendor first opened it through the link, else null
 * @param endedAt           when it was revoked or expired, else null
 * @param endedBy           the user id who revoked it; null when it expired or the request closed
 */
public record VendorInvitation(UUID id, UUID requestId, int round, String contactName, String contactEmail,
                               VendorLanguage language, List<String> followUpQuestions, String invitedBy, Instant invitedAt,
                               Instant expiresAt, Instant remindedAt, Instant openedAt, Instant submittedAt, Instant endedAt,
                               String endedBy, InvitationState state) {

    public VendorInvitation {
        followUpQuestions = List.copyOf(followUpQuestions);
    }

    /** Whether the vendor may still change answers now: open and not past its expiry, even before the job marked it. */
    public boolean answerableAt(Instant now) {
        return state == InvitationState.OPEN && now.isBefore(expiresAt);
    }

    /** How the history, the attachments and the staff's pages name the vendor (not a user of ours). */
    public String vendorActor() {
        return "Leverandøren (" + contactName + ")";
    }
}
