package dk.indkoebsscreening.request;

import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.RefusedFileException;
import dk.indkoebsscreening.system.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.validation.Validator;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import dk.indkoebsscreening.system.ConflictException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The request form: submitted once per form (its token), with every problem named at its field; or saved as a draft,
 * continued and deleted by its author.
 */
@PageController
@RequestMapping("/anmodninger")
class RequestPages {

    private final RequestService requests;
    private final Validator validator;
    private final Choices choices;
    private final DuplicateCheck duplicates;
    private final Requests readable;
    private final RequestDrafts drafts;

    RequestPages(RequestService requests, Validator validator, Choices choices, DuplicateCheck duplicates, Requests readable,
                 RequestDrafts drafts) {
        this.requests = requests;
        this.drafts = drafts;
        this.validator = validator;
        this.choices = choices;
        this.duplicates = duplicates;
        this.readable = readable;
    }

    /**
     * The request form; a re-screening of a registered system comes here from the system's page: {@code tidligere} names
     * the earlier request to fill the form from (one the user may read; another is ignored), {@code system} and
     * {@code leverandoer} a system no request of ours registered.
     */
    @GetMapping("/ny")
    String newRequest(@RequestParam(name = "tidligere", required = false) UUID previous,
                      @RequestParam(name = "system", required = false) String systemName,
                      @RequestParam(name = "leverandoer", required = false) String vendor,
                      Model model, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        RequestInput input = Optional.ofNullable(previous).flatMap(readable::findById)
                .filter(request -> Requests.mayRead(request, user))
                .map(RequestInput::rescreeningOf)
                .orElseGet(() -> systemName == null ? RequestInput.withNewToken()
                        : RequestInput.forSystem(cut(systemName), cut(vendor)));
        return form(input, PageErrors.none(), model, authentication);
    }

    /** A name from an address, no longer than the form takes. */
    private static String cut(String text) {
        return text == null || text.length() <= PurchaseRequestForm.NAME_LENGTH ? text : text.substring(0, PurchaseRequestForm.NAME_LENGTH);
    }

    @PostMapping("/ny")
    String submit(@ModelAttribute("form") RequestInput input, BindingResult binding, Authentication authentication,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletResponse response,
                  Model model) {
        PageErrors errors = PageErrors.of(binding, RequestInput.FIELDS);
        input.unreadableNumbers().forEach((field, key) -> errors.add(field, choices.message(key)));
        if (input.integrationsMissing()) {
            errors.add("integrations", choices.message("request.field.integrations.required"));
        }
        PurchaseRequestForm form = input.toForm();
        requests.unansweredOnTheForm(form).forEach(problem -> errors.add(problem.field(), choices.message(problem.messageKey())));
        requests.problems(form, CurrentUser.of(authentication)).forEach(problem ->
                errors.add(problem.field(), choices.message(problem.messageKey(), problem.arguments())));
        errors.addViolations(validator.validate(form).stream()
                .filter(violation -> !input.unreadableNumbers().containsKey(violation.getPropertyPath().toString()))
                .collect(Collectors.toSet()));
        if (!errors.isEmpty()) {
            if (files != null && files.stream().anyMatch(file -> !file.isEmpty())) {
                // The browser forgets chosen files when the page comes back; say so, or they are sent without.
                model.addAttribute("notice", choices.message("request.files.again"));
            }
            return form(input, errors.inPageOrder(RequestInput.FIELDS)
                    .labelled(choices.of("request.field.", RequestInput.FIELDS)), model, authentication);
        }
        String token = input.validSubmissionToken();
        if (token == null) {
            input.renewSubmissionToken();
            model.addAttribute("notice", choices.message("request.form.resend"));
            return form(input, errors, model, authentication);
        }
        List<Upload> uploads = files == null ? List.of() : files.stream().filter(file -> !file.isEmpty())
                .map(file -> new Upload(file.getOriginalFilename(), file.getSize(), file)).toList();
        try {
            PurchaseRequest request = requests.submit(form, authentication.getName(), token, uploads, input.getDraftId()).request();
            return "redirect:/anmodninger/" + request.id() + "/kvittering";
        } catch (RefusedFileException e) {
            // Nothing was submitted; the browser forgets the chosen files, so the message asks for them again.
            response.setStatus(e.status().value());
            errors.add("files", choices.message(e.messageKey(), e.arguments()) + " " + choices.message("request.files.again"));
            return form(input, errors, model, authentication);
        } catch (SubmissionKeyReusedException e) {
            // Sent before with other content (back, edit, send): the new content becomes a new request only on purpose.
            input.renewSubmissionToken();
            model.addAttribute("notice", choices.message("request.form.alreadySubmitted", e.earlierReference()));
            return form(input, errors, model, authentication);
        }
    }

    /**
     * "Gem som kladde": what has been filled in, nothing required, each answer bounded as on submission; a new draft or
     * the one the form was continued from. Files are not kept in a draft (they belong to a request's step, its events and
     * its readers), and the form says so.
     */
    @PostMapping("/kladde")
    String saveDraft(@ModelAttribute("form") RequestInput input, BindingResult binding, Authentication authentication,
                     @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletResponse response,
                     Model model, RedirectAttributes saved) {
        PageErrors errors = PageErrors.of(binding, RequestInput.FIELDS);
        RequestDraftContent content = input.toDraft();
        errors.addViolations(validator.validate(content));
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(input, errors.inPageOrder(RequestInput.FIELDS), model, authentication);
        }
        UUID id;
        try {
            id = drafts.save(input.getDraftId(), content, authentication.getName());
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("notice", choices.message(e.messageKey(), e.arguments()));
            return form(input, errors, model, authentication);
        }
        boolean filesLeft = files != null && files.stream().anyMatch(file -> !file.isEmpty());
        String title = Optional.ofNullable(content.shownTitle()).orElseGet(() -> choices.message("request.draft.untitled"));
        saved.addFlashAttribute("saved", choices.message("request.draft.saved", title)
                + (filesLeft ? " " + choices.message("request.draft.filesNotKept") : ""));
        return "redirect:/anmodninger#kladde-" + id;
    }

    /** "Fortsæt": the form filled from the author's draft; anyone else's or a guessed id is a 404. */
    @GetMapping("/kladder/{id}")
    String continueDraft(@PathVariable UUID id, Model model, Authentication authentication) {
        return form(RequestInput.fromDraft(drafts.find(id, authentication.getName())), PageErrors.none(), model, authentication);
    }

    /** "Slet kladde" asks first, on a page that names the draft, with the destructive button and a way back. */
    @GetMapping("/kladder/{id}/slet")
    String confirmDeleteDraft(@PathVariable UUID id, Model model, Authentication authentication) {
        model.addAttribute("draft", drafts.find(id, authentication.getName()));
        return "request/delete-draft";
    }

    @PostMapping("/kladder/{id}/slet")
    String deleteDraft(@PathVariable UUID id, Authentication authentication, RedirectAttributes saved) {
        RequestDraft draft = drafts.find(id, authentication.getName());
        drafts.delete(id, authentication.getName());
        saved.addFlashAttribute("saved", choices.message("request.draft.deleted",
                Optional.ofNullable(draft.title()).orElseGet(() -> choices.message("request.draft.untitled"))));
        return "redirect:/anmodninger";
    }

    /**
     * The duplicate check while typing: the form's list of like systems and requests, as an HTML fragment. Not
     * {@code no-store} like every other answer: a page that fetched a no-store answer loses Chrome's back/forward
     * cache, and the form then comes back from the server with a new submission token, so Back and Send would make
     * a second request. {@code no-cache} still revalidates every time, and the browser keeps it for this user only.
     */
    @GetMapping("/lignende")
    String similar(@RequestParam(name = "systemName", defaultValue = "") String systemName,
                   @RequestParam(name = "vendor", required = false) String vendor, Authentication authentication,
                   Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        model.addAttribute("duplicates", DuplicateCheck.isSearchable(systemName, vendor)
                ? duplicates.like(systemName, vendor, null, CurrentUser.of(authentication)) : DuplicateCheck.Matches.none());
        return "fragments/duplicates :: matches(matches=${duplicates})";
    }

    private String form(RequestInput input, PageErrors errors, Model model, Authentication authentication) {
        // A refused form shows the duplicates again, but never for a name it refused as too long.
        if (!Text.isBlank(input.getSystemName()) && DuplicateCheck.isSearchable(input.getSystemName(), input.getVendor())) {
            model.addAttribute("duplicates", duplicates.like(input.getSystemName(), input.getVendor(), null,
                    CurrentUser.of(authentication)));
        }
        model.addAttribute("form", input);
        model.addAttribute("previous", Optional.ofNullable(input.getPreviousRequestId()).flatMap(readable::findById)
                .filter(request -> Requests.mayRead(request, CurrentUser.of(authentication))).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("personalDataKinds", choices.of("personalData.choice.", PersonalData.values()));
        model.addAttribute("hostings", choices.of("hosting.", Hosting.values()));
        model.addAttribute("yesNo", choices.yesNo());
        model.addAttribute("fundingSources", choices.of("funding.", FundingSource.values()));
        model.addAttribute("benefitCriteria", choices.of("benefit.", BenefitCriterion.values()));
        model.addAttribute("benefitRatings", choices.of("rating.", BenefitRating.values()));
        return "request/form";
    }
}
