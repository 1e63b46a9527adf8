package dk.indkoebsscreening.withdrawal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.casefile.CaseFileView;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Træk anmodningen tilbage" form on the request's page. */
@PageController
class WithdrawalPages {

    private final WithdrawalService withdrawals;
    private final Requests requests;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final MessageSource messages;
    private final CaseFileView caseFile;

    WithdrawalPages(WithdrawalService withdrawals, Requests requests, FormBinder binder, ObjectMapper objectMapper,
                    Choices choices, MessageSource messages, CaseFileView caseFile) {
        this.withdrawals = withdrawals;
        this.requests = requests;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.messages = messages;
        this.caseFile = caseFile;
    }

    /** A reason that cannot be used is said on the request's page (400), where the form is; nothing is withdrawn then. */
    @PostMapping("/anmodninger/{id}/traek-tilbage")
    String withdraw(@PathVariable UUID id, @RequestParam(name = "reason", defaultValue = "") String reason,
                    Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            WithdrawalForm form = binder.bind(objectMapper.valueToTree(Map.of("reason", reason)), WithdrawalForm.class);
            withdrawals.withdraw(id, form, user);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("withdrawalReason", reason);
            return caseFile.details(id, user, null, PageErrors.none().addProblems(e, messages), model);
        }
        saved.addFlashAttribute("saved", choices.message("withdrawal.saved", requests.findById(id).orElseThrow().reference()));
        return "redirect:/anmodninger/" + id;
    }
}
