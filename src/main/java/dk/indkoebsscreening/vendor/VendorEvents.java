package dk.indkoebsscreening.vendor;

import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.vendor.VendorQuestionnaire.AreaPart;
import dk.indkoebsscreening.vendor.VendorQuestionnaire.AskedQuestion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The vendor questionnaire's facts as lifecycle events ({@code vendor.*.v1}, docs/events.md), appended in the fact's own
 * transaction, under the request's lock the step holds. Nothing that names the vendor's contact goes out: no name, no
 * address, no link; the questions and answers stay in the application too.
 */
@Component
class VendorEvents {

    private final InvitationRepository invitations;
    private final VendorAnswers answers;
    private final Requests requests;
    private final OutboxWriter outbox;

    VendorEvents(InvitationRepository invitations, VendorAnswers answers, Requests requests, OutboxWriter outbox) {
        this.invitations = invitations;
        this.answers = answers;
        this.requests = requests;
        this.outbox = outbox;
    }

    record Invited(UUID requestId, String reference, UUID invitationId, int round, VendorLanguage language, List<Area> areas,
                   int followUpQuestions, String invitedBy, Instant invitedAt, Instant expiresAt) {
    }

    record Answered(UUID requestId, String reference, UUID invitationId, int round, List<AreaAnswered> answered,
                    int followUpsAnswered, int documents, Instant submittedAt) {
    }

    record AreaAnswered(Area area, List<String> questionIds) {
    }

    record Revoked(UUID requestId, String reference, UUID invitationId, int round, RevokeReason reason, String revokedBy,
                   Instant revokedAt) {
    }

    record Expired(UUID requestId, String reference, UUID invitationId, int round, Instant expiredAt) {
    }

    @EventListener
    void invited(VendorInvited fact) {
        VendorInvitation invitation = invitation(fact.invitationId());
        String reference = reference(fact.requestId());
        List<Area> areas = answers.questionnaire(invitation.id()).areas().stream().map(AreaPart::area).toList();
        outbox.append(fact.requestId(), reference, EventType.VENDOR_INVITED, invitation.invitedAt(), new Invited(fact.requestId(),
                reference, invitation.id(), invitation.round(), invitation.language(), areas, invitation.followUpQuestions().size(),
                invitation.invitedBy(), invitation.invitedAt(), invitation.expiresAt()));
    }

    @EventListener
    void answered(VendorAnswered fact) {
        VendorInvitation invitation = invitation(fact.invitationId());
        String reference = reference(fact.requestId());
        VendorQuestionnaire questionnaire = answers.questionnaire(invitation.id());
        Map<String, VendorAnswer> given = answers.answers(invitation.id());
        List<AreaAnswered> answered = questionnaire.areas().stream()
                .map(part -> new AreaAnswered(part.area(), part.questions().stream().map(AskedQuestion::id).filter(given::containsKey).toList()))
                .filter(area -> !area.questionIds().isEmpty())
                .toList();
        int followUps = (int) questionnaire.followUps().stream().filter(followUp -> given.containsKey(followUp.id())).count();
        int documents = given.values().stream().mapToInt(answer -> answer.documents().size()).sum();
        outbox.append(fact.requestId(), reference, EventType.VENDOR_ANSWERED, invitation.submittedAt(), new Answered(fact.requestId(),
                reference, invitation.id(), invitation.round(), answered, followUps, documents, invitation.submittedAt()));
    }

    @EventListener
    void revoked(VendorRevoked fact) {
        VendorInvitation invitation = invitation(fact.invitationId());
        String reference = reference(fact.requestId());
        outbox.append(fact.requestId(), reference, EventType.VENDOR_REVOKED, invitation.endedAt(), new Revoked(fact.requestId(),
                reference, invitation.id(), invitation.round(), fact.reason(), fact.reason() == RevokeReason.STAFF ? fact.revokedBy() : null,
                invitation.endedAt()));
    }

    @EventListener
    void expired(VendorLinkExpired fact) {
        VendorInvitation invitation = invitation(fact.invitationId());
        String reference = reference(fact.requestId());
        outbox.append(fact.requestId(), reference, EventType.VENDOR_EXPIRED, invitation.endedAt(), new Expired(fact.requestId(),
                reference, invitation.id(), invitation.round(), invitation.endedAt()));
    }

    private VendorInvitation invitation(UUID id) {
        return invitations.find(id).orElseThrow(() -> new NotFoundException("No vendor invitation " + id));
    }

    private String reference(UUID requestId) {
        return requests.findById(requestId).map(PurchaseRequest::reference).orElseThrow(() -> new RequestNotFoundException(requestId));
    }
}
