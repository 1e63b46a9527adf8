package dk.indkoebsscreening.followup;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/requests/{id}/conditions/{conditionId}}: one condition of an approval, and what its owner, its verifier
 * and the coordinators do with it. Each action answers 404 to whoever may not read the request (and does not own the
 * condition), 403 to whoever may read it but is not the one to act, 409 when the condition's status does not allow it,
 * 400 for a body that cannot be used; nothing changes then.
 */
@RestController
@Tag(name = "Requests")
@RequestMapping("/api/requests/{id}/conditions/{conditionId}")
class ConditionController {

    private final ConditionFollowUp followUp;
    private final FormBinder binder;

    ConditionController(ConditionFollowUp followUp, FormBinder binder) {
        this.followUp = followUp;
        this.binder = binder;
    }

    @Operation(operationId = "condition", summary = "One condition of an approval", description = """
            The condition with who set it (`setBy`, null for the coordinator), its `owner`, `due` date, `status`, the \
            owner's reports (`evidence`) and every change (`changes`). For whoever may read the request, and its owner.""")
    @GetMapping
    ConditionItem condition(@PathVariable UUID id, @PathVariable UUID conditionId, Authentication authentication) {
        return followUp.readable(id, conditionId, CurrentUser.of(authentication));
    }

    @Operation(operationId = "reportCondition", summary = "Report a condition fulfilled", description = """
            By its owner while it is open, sent back or overdue: `text` says what was done (required), `files` names \
            the request's files that show it (add them first with `POST /api/requests/{id}/attachments` and the \
            condition's task id). Whoever set it is asked to verify it.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/report")
    ResponseEntity<Void> report(@PathVariable UUID id, @PathVariable UUID conditionId,
                                @BindsTo(ReportForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        followUp.report(id, conditionId, binder.bind(body, ReportForm.class), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "verifyCondition", summary = "Accept a condition's report", description = """
            By the experts of the area that set it (the coordinators for their own) while it is reported. When it was \
            the last condition not verified or waived, the request's status becomes `CONDITIONS_MET`.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/verify")
    ResponseEntity<Void> verify(@PathVariable UUID id, @PathVariable UUID conditionId, Authentication authentication) {
        followUp.verify(id, conditionId, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "sendBackCondition", summary = "Send a condition's report back to its owner", description = """
            By the experts of the area that set it (the coordinators for their own) while it is reported, with a \
            `reason` (required), which its owner is told.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/send-back")
    ResponseEntity<Void> sendBack(@PathVariable UUID id, @PathVariable UUID conditionId,
                                  @BindsTo(ReasonForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        followUp.sendBack(id, conditionId, binder.bind(body, ReasonForm.class), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "waiveCondition", summary = "Waive a condition", description = """
            By a coordinator, while it is not verified or waived, with a `reason` (required). Its open task ends.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/waive")
    ResponseEntity<Void> waive(@PathVariable UUID id, @PathVariable UUID conditionId,
                               @BindsTo(ReasonForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        followUp.waive(id, conditionId, binder.bind(body, ReasonForm.class), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "handOverCondition", summary = "Hand a condition to a colleague", description = """
            By its owner or a coordinator, while it is not verified or waived: `owner` is the colleague's user id (a \
            known user, not the owner already). Its open task goes to them.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/owner")
    ResponseEntity<Void> handOver(@PathVariable UUID id, @PathVariable UUID conditionId,
                                  @BindsTo(OwnerForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        followUp.handOver(id, conditionId, binder.bind(body, OwnerForm.class), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
