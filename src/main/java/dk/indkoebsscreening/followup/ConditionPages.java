package dk.indkoebsscreening.followup;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.request.PurchaseRequest;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.InvalidInputException.FieldProblem;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A condition's page ({@code /anmodninger/{id}/betingelser/{conditionId}}): the condition, who set it, its owner, due
 * date, evidence and history, and the forms of whoever may act on it now, each the same rule as its API action. The
 * owner (who may be a requester without an inbox) reaches it from the request's page and from the mails.
 */
@PageController
@RequestMapping("/anmodninger/{id}/betingelser/{conditionId}")
class ConditionPages {

    private final ConditionFollowUp followUp;
    private final Requests requests;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final MessageSource messages;
    private final People people;

    ConditionPages(ConditionFollowUp followUp, Requests requests, FormBinder binder,
                   ObjectMapper objectMapper, Choices choices, MessageSource messages, People people) {
        this.followUp = followUp;
        this.requests = requests;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.messages = messages;
        this.people = people;
    }

    @GetMapping
    String condition(@PathVariable UUID id, @PathVariable UUID conditionId, Authentication authentication, Model model) {
        return page(id, conditionId, CurrentUser.of(authentication), Map.of(), PageErrors.none(), model);
    }

    @PostMapping("/meld")
    String report(@PathVariable UUID id, @PathVariable UUID conditionId, @RequestParam MultiValueMap<String, String> form,
                  Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        return act(id, conditionId, user, form, "followup.saved.report", model, saved, response,
                () -> followUp.report(id, conditionId, binder.bindForm(form, ReportForm.class, bound -> List.of()), user));
    }

    @PostMapping("/verificer")
    String verify(@PathVariable UUID id, @PathVariable UUID conditionId, Authentication authentication, Model model,
                  RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        return act(id, conditionId, user, null, "followup.saved.verify", model, saved, response,
                () -> followUp.verify(id, conditionId, user));
    }

    @PostMapping("/send-tilbage")
    String sendBack(@PathVariable UUID id, @PathVariable UUID conditionId,
                    @RequestParam(name = "reason", defaultValue = "") String reason, Authentication authentication,
                    Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        return act(id, conditionId, user, Map.of("sendBackReason", reason), "followup.saved.sendBack", model, saved, response,
                () -> followUp.sendBack(id, conditionId, reason(reason), user));
    }

    /** Its field is waiveReason: the verifier's send-back form on the same page has a reason of its own. */
    @PostMapping("/frafald")
    String waive(@PathVariable UUID id, @PathVariable UUID conditionId,
                 @RequestParam(name = "waiveReason", defaultValue = "") String reason, Authentication authentication,
                 Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        return act(id, conditionId, user, Map.of("waiveReason", reason), "followup.saved.waive", model, saved, response, () -> {
            ReasonForm form;
            try {
                form = reason(reason);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.problems().stream()
                        .map(problem -> new FieldProblem("waiveReason", problem.messageKey(), problem.arguments(), problem.message()))
                        .toList());
            }
            followUp.waive(id, conditionId, form, user);
        });
    }

    @PostMapping("/giv-videre")
    String handOver(@PathVariable UUID id, @PathVariable UUID conditionId,
                    @RequestParam(name = "owner", defaultValue = "") String owner, Authentication authentication,
                    Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        return act(id, conditionId, user, Map.of("owner", owner), "followup.saved.handOver", model, saved, response,
                () -> followUp.handOver(id, conditionId,
                        binder.bind(objectMapper.valueToTree(Map.of("owner", owner)), OwnerForm.class), user));
    }

    private ReasonForm reason(String reason) {
        return binder.bind(objectMapper.valueToTree(Map.of("reason", reason)), ReasonForm.class);
    }

    /**
     * Does the action; input it cannot use is said on the page (400) with what was typed, nothing changed. Refusals
     * (404, 403, 409) are the error pages' as everywhere.
     */
    private String act(UUID id, UUID conditionId, CurrentUser user, Object typed, String savedKey, Model model,
                       RedirectAttributes saved, HttpServletResponse response, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, conditionId, user, typed, PageErrors.none().addProblems(e, messages), model);
        }
        ConditionItem condition = followUp.readable(id, conditionId, user);
        saved.addFlashAttribute("saved", choices.message(savedKey, condition.number(), people.name(condition.owner())));
        return "redirect:/anmodninger/" + id + "/betingelser/" + conditionId;
    }

    private String page(UUID id, UUID conditionId, CurrentUser user, Object typed, PageErrors errors, Model model) {
        ConditionItem condition = followUp.readable(id, conditionId, user);
        PurchaseRequest request = requests.findById(id).orElseThrow();
        ConditionFollowUp.Actions actions = followUp.actions(condition, user);
        model.addAttribute("request", request);
        model.addAttribute("condition", condition);
        model.addAttribute("dueAt", followUp.dueAt(condition));
        model.addAttribute("actions", actions);
        model.addAttribute("mayReadRequest", Requests.mayRead(request, user));
        model.addAttribute("typed", typed instanceof Map<?, ?> || typed instanceof MultiValueMap<?, ?> ? typed : Map.of());
        model.addAttribute("errors", errors);
        if (actions.report()) {
            Map<String, String> files = new LinkedHashMap<>();
            followUp.evidenceOffered(request, user).forEach(file -> files.put(file.id().toString(), file.name()));
            model.addAttribute("files", files);
            // Files added on this page belong to the condition's task (the owner may have several conditions).
            model.addAttribute("taskId", followUp.ownersTask(request, conditionId).orElse(null));
        }
        return "followup/condition";
    }
}
