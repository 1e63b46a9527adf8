package dk.indkoebsscreening.withdrawal;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/requests/{id}/withdraw} with {@code {reason}}: the requester withdraws their request. */
@RestController
class WithdrawalController {

    private final WithdrawalService withdrawals;
    private final FormBinder binder;

    WithdrawalController(WithdrawalService withdrawals, FormBinder binder) {
        this.withdrawals = withdrawals;
        this.binder = binder;
    }

    @PostMapping("/api/requests/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @BindsTo(WithdrawalForm.class) @RequestBody(required = false) JsonNode body,
                                  Authentication authentication) {
        WithdrawalForm form = body == null || body.isNull() ? new WithdrawalForm(null) : binder.bind(body, WithdrawalForm.class);
        withdrawals.withdraw(id, form, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
