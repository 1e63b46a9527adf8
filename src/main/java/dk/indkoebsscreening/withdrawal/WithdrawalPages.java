package dk.indkoebsscreening.withdrawal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Træk anmodningen tilbage": the request's page links to a page that says what will happen and asks for the
 * reason, with the destructive button and a way back; only its POST withdraws.
 */
@PageController
class WithdrawalPages {

    private final WithdrawalService withdrawals;
    private final Requests requests;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final MessageSource messages;

    WithdrawalPages(WithdrawalService withdrawals, Requests requests, FormBinder binder, ObjectMapper objectMapper,
                    Choices choices, MessageSource messages) {
        this.withdrawals = withdrawals;
        this.requests = requests;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.messages = messages;
    }

    /** The confirmation; refused (404, 403, 409) as the withdrawal itself would be. */
    @GetMapping("/anmodninger/{id}/traek-tilbage")
    String confirm(@PathVariable UUID id, Authentication authentication, Model model) {
        return confirmation(withdrawals.withdrawable(id, CurrentUser.of(authentication)), null, PageErrors.none(), model);
    }

    private String confirmation(PurchaseRequest request, String reason, PageErrors errors, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("withdrawalReason", reason);
        model.addAttribute("errors", errors);
        return "withdrawal/confirm";
    }

    /** A reason that cannot be used is said on the confirmation page (400), where the form is; nothing is withdrawn then. */
    @PostMapping("/anmodninger/{id}/traek-tilbage")
    String withdraw(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason,
                    Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            WithdrawalForm form = binder.bind(objectMapper.valueToTree(Map.of("reason", reason)), WithdrawalForm.class);
            withdrawals.withdraw(id, form, user);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return confirmation(withdrawals.withdrawable(id, user), reason, PageErrors.none().addProblems(e, messages), model);
        }
        saved.addFlashAttribute("saved", choices.message("withdrawal.saved", requests.findById(id).orElseThrow().reference()));
        return "redirect:/anmodninger/" + id;
    }
}
