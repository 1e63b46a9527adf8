package dk.indkoebsscreening.withdrawal;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/requests/{id}/withdraw} with {@code {reason}}: the requester withdraws their request. */
@RestController
@Tag(name = "Requests")
class WithdrawalController {

    private final WithdrawalService withdrawals;
    private final FormBinder binder;

    WithdrawalController(WithdrawalService withdrawals, FormBinder binder) {
        this.withdrawals = withdrawals;
        this.binder = binder;
    }

    @Operation(operationId = "withdrawRequest", summary = "Withdraw a request", description = """
            By the requester, until it is decided: `reason` is optional and kept in the application, not in the event. 409 once \
            decided or withdrawn, 403 for the expert group (they read it, did not submit it), 404 for other requesters.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/api/requests/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @BindsTo(WithdrawalForm.class) @RequestBody(required = false) JsonNode body,
                                  Authentication authentication) {
        WithdrawalForm form = body == null || body.isNull() ? new WithdrawalForm(null) : binder.bind(body, WithdrawalForm.class);
        withdrawals.withdraw(id, form, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
