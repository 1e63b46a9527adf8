package dk.indkoebsscreening.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The vendor questionnaire of a request through the JSON API: its rounds and the submitted answers, inviting and revoking.
 * Whoever may not read the request gets 404, as for the request itself; who may invite is {@link VendorInvitations}'s rule.
 */
@RestController
@Tag(name = "Vendor questionnaire", description = "The vendor answers the vendor questions of a request through a link mailed to "
        + "the contact: rounds, the submitted answers, inviting and revoking.")
@RequestMapping("/api/requests/{id}/vendor")
class VendorApiController {

    private final Requests requests;
    private final VendorInvitations invitations;
    private final VendorAnswers answers;
    private final FormBinder binder;

    VendorApiController(Requests requests, VendorInvitations invitations, VendorAnswers answers, FormBinder binder) {
        this.requests = requests;
        this.invitations = invitations;
        this.answers = answers;
        this.binder = binder;
    }

    @Schema(description = "The request's vendor questionnaire: every round, oldest first, and what the vendor submitted; nothing "
            + "of a round's unsubmitted drafts.", requiredProperties = {"rounds", "answers", "followUps"})
    record VendorView(List<VendorInvitation> rounds,
                      @Schema(description = "Per area, each vendor question's latest submitted answer across the rounds.")
                      List<AreaAnswers> answers,
                      @Schema(description = "Each round's follow-up questions with the vendor's answers once submitted.")
                      List<RoundFollowUps> followUps) {
    }

    @Operation(operationId = "vendorQuestionnaire", summary = "A request's vendor questionnaire", description = """
            For whoever may read the request (else 404): the rounds with their state (`OPEN` until submitted, `SUBMITTED`, \
            `REVOKED`, `EXPIRED`) and dates, and the vendor's submitted answers and documents (fetch a document with \
            `GET /api/requests/{id}/attachments/{attachmentId}`). The answers are the vendor's own statements, as text.""")
    @GetMapping
    VendorView view(@PathVariable UUID id, Authentication authentication) {
        requests.readable(id, CurrentUser.of(authentication));
        return new VendorView(invitations.rounds(id), answers.forRequest(id), answers.followUps(id));
    }

    @Operation(operationId = "inviteVendor", summary = "Invite the vendor's contact", description = """
            A coordinator, or an expert of an area that screens or screened the request, sends a round: the contact gets a \
            mail in the `language` given (`DA`, `EN`) with a personal link that expires after `indkoeb.vendor.link-valid-for` \
            working days. `followUpQuestions` (at most 10) only from the second round on. 403 for anyone else who reads the \
            request, 409 while a round is open or once the request is decided or withdrawn.""")
    @ApiResponse(responseCode = "201", description = "Invited; the mail is on its way.")
    @PostMapping("/invitations")
    ResponseEntity<VendorInvitation> invite(@PathVariable UUID id,
                                            @BindsTo(Invite.class) @RequestBody(required = false) JsonNode body,
                                            Authentication authentication) {
        requests.readable(id, CurrentUser.of(authentication));
        VendorInvitation invitation = invitations.invite(id, binder.bind(body, Invite.class), authentication.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/requests/{id}/vendor")
                .build(id)).body(invitation);
    }

    @Operation(operationId = "revokeVendorInvitation", summary = "Revoke a round's link", description = """
            Whoever may invite ends a round at once: its links lead nowhere from then on, and a mail not yet sent is not \
            sent. 409 when it was revoked or expired already.""")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @PostMapping("/invitations/{invitationId}/revoke")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable UUID invitationId, Authentication authentication) {
        requests.readable(id, CurrentUser.of(authentication));
        invitations.revoke(id, invitationId, authentication.getName());
        return ResponseEntity.noContent().build();
    }
}
