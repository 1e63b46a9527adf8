package dk.indkoebsscreening.vendor.staff;

import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.VendorContact;
import dk.indkoebsscreening.request.VendorContacts;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.vendor.InvitationState;
import dk.indkoebsscreening.vendor.VendorInvitation;
import dk.indkoebsscreening.vendor.VendorInvitations;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's actions on the vendor's questionnaire of one request, posted from the panel on a screening task or the
 * request page, which they return to: naming the contact (the requester, a coordinator), inviting, revoking after a
 * confirmation, and a new round with follow-up questions (coordinators and the request's experts). A refused form comes
 * back on a page of its own with its problems; whoever may not read the request gets a 404, a reader who may not act a 403.
 */
@PageController
@RequestMapping("/anmodninger/{id}/leverandoer")
class VendorStaffPages {

    /** Where a form may send the browser back to: a task page, else the request page (never another site). */
    private static final Pattern TASK_PAGE = Pattern.compile("/opgaver/[A-Za-z0-9-]{1,64}");

    private final Requests requests;
    private final VendorInvitations invitations;
    private final VendorContacts contacts;
    private final Validator validator;
    private final Choices choices;
    private final MessageSource messages;

    VendorStaffPages(Requests requests, VendorInvitations invitations, VendorContacts contacts, Validator validator,
                     Choices choices, MessageSource messages) {
        this.requests = requests;
        this.invitations = invitations;
        this.contacts = contacts;
        this.validator = validator;
        this.choices = choices;
        this.messages = messages;
    }

    /** The requester or a coordinator names or changes the vendor's contact. */
    @PostMapping("/kontakt")
    String contact(@PathVariable UUID id, @RequestParam(name = "name", required = false) String name,
                   @RequestParam(name = "email", required = false) String email,
                   @RequestParam(name = "tilbage", required = false) String back, Authentication authentication,
                   Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        requests.readable(id, user);
        VendorContact contact = new VendorContact(name, email);
        PageErrors errors = PageErrors.none().addViolations(validator.validate(contact));
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("contact", contact);
            return page(id, "contact", back, errors.inPageOrder(List.of("name", "email"))
                    .labelled(choices.of("vendor.staff.contact.", List.of("name", "email"))), model);
        }
        contacts.change(id, contact, user);
        saved.addFlashAttribute("saved", choices.message("vendor.staff.contact.saved", contact.name()));
        return "redirect:" + back(id, back);
    }

    /** The first round, or a new one with follow-up questions after the last ended. */
    @PostMapping("/invitation")
    String invite(@PathVariable UUID id, @ModelAttribute("invite") InviteInput input, BindingResult binding,
                  Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        requests.readable(id, user);
        if (!invitations.mayInvite(id, user.username())) {
            throw new AccessDeniedException(user.username() + " may not invite the vendor of " + id);
        }
        PageErrors errors = PageErrors.of(binding, InviteInput.FIELDS);
        if (errors.isEmpty()) {
            try {
                VendorInvitation invitation = invitations.invite(id, input.toInvite(), user.username());
                saved.addFlashAttribute("saved", choices.message("vendor.staff.invited", invitation.contactName(),
                        invitation.contactEmail()));
                return "redirect:" + back(id, input.getTilbage());
            } catch (InvalidInputException e) {
                errors = atFields(e, input.askedFields());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("invite", input);
        model.addAttribute("firstRound", invitations.rounds(id).isEmpty());
        return page(id, "invite", input.getTilbage(), errors.inPageOrder(InviteInput.FIELDS)
                .labelled(choices.of("vendor.staff.invite.", List.of("contactName", "contactEmail", "language", "followUpQuestions"))),
                model);
    }

    /** "Tilbagekald" asks first, on a page that names the round and the contact, with the destructive button and a way back. */
    @GetMapping("/{invitationId}/tilbagekald")
    String confirmRevoke(@PathVariable UUID id, @PathVariable UUID invitationId,
                         @RequestParam(name = "tilbage", required = false) String back, Authentication authentication,
                         Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        requests.readable(id, user);
        if (!invitations.mayInvite(id, user.username())) {
            throw new AccessDeniedException(user.username() + " may not revoke the vendor's link of " + id);
        }
        VendorInvitation invitation = invitations.rounds(id).stream().filter(round -> round.id().equals(invitationId))
                .filter(round -> round.state() == InvitationState.OPEN || round.state() == InvitationState.SUBMITTED)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No revocable vendor invitation " + invitationId + " on " + id));
        model.addAttribute("invitation", invitation);
        model.addAttribute("request", requests.readable(id, user));
        model.addAttribute("back", back(id, back));
        model.addAttribute("tilbage", TASK_PAGE.matcher(back == null ? "" : back).matches() ? back : null);
        return "vendor/revoke";
    }

    @PostMapping("/{invitationId}/tilbagekald")
    String revoke(@PathVariable UUID id, @PathVariable UUID invitationId,
                  @RequestParam(name = "tilbage", required = false) String back, Authentication authentication,
                  RedirectAttributes saved) {
        CurrentUser user = CurrentUser.of(authentication);
        requests.readable(id, user);
        invitations.revoke(id, invitationId, user.username());
        saved.addFlashAttribute("saved", choices.message("vendor.staff.revoked"));
        return "redirect:" + back(id, back);
    }

    private String page(UUID id, String form, String back, PageErrors errors, Model model) {
        model.addAttribute("request", requests.findById(id).orElseThrow(() -> new RequestNotFoundException(id)));
        model.addAttribute("form", form);
        model.addAttribute("back", back(id, back));
        model.addAttribute("tilbage", TASK_PAGE.matcher(back == null ? "" : back).matches() ? back : null);
        model.addAttribute("errors", errors);
        return "vendor/form";
    }

    /** The follow-up problems at the fields they were typed in: the invitation numbers only the questions asked. */
    private PageErrors atFields(InvalidInputException e, List<Integer> askedFields) {
        PageErrors errors = PageErrors.none().addProblems(e, messages);
        PageErrors placed = PageErrors.none();
        for (PageErrors.FieldMessage problem : errors.all()) {
            String field = problem.field();
            var index = Pattern.compile("followUpQuestions\\[(\\d+)]").matcher(field);
            if (index.matches() && Integer.parseInt(index.group(1)) < askedFields.size()) {
                field = "followUpQuestions[" + askedFields.get(Integer.parseInt(index.group(1))) + "]";
            }
            placed.add(field, problem.message());
        }
        return placed;
    }

    private static String back(UUID id, String back) {
        return (back != null && TASK_PAGE.matcher(back).matches() ? back : "/anmodninger/" + id) + "#leverandoer";
    }
}
