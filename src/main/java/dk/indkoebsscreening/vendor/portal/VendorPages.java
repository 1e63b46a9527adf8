package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.RefusedFileException;
import dk.indkoebsscreening.vendor.InvitationState;
import dk.indkoebsscreening.vendor.LinkCheck;
import dk.indkoebsscreening.vendor.VendorAnswer;
import dk.indkoebsscreening.vendor.VendorAnswers;
import dk.indkoebsscreening.vendor.VendorDocument;
import dk.indkoebsscreening.vendor.VendorQuestionnaire;
import dk.indkoebsscreening.vendor.VendorLinks;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The vendor's questionnaire, for the invitation of the session and nothing else (no address or field names another
 * one): the questions by area and the round's follow-up questions, saved as often as the vendor likes, sent once
 * after a confirmation, then shown read-only with the date sent. Every page first asks whether the invitation still
 * stands: an expired or revoked one ends the session and shows why.
 */
@Controller
@RequestMapping(VendorPageModel.QUESTIONNAIRE)
class VendorPages {

    /** A file input's name: this prefix and the document question's id. */
    static final String FILE = "fil.";

    private final VendorAnswers answers;
    private final VendorRateLimit limit;
    private final VendorQuestionnaireView view;
    private final VendorPageModel pages;
    private final Choices choices;
    private final MessageSource messages;
    private final VendorLinks links;

    VendorPages(VendorAnswers answers, VendorRateLimit limit, VendorQuestionnaireView view, VendorPageModel pages, Choices choices,
                MessageSource messages, VendorLinks links) {
        this.answers = answers;
        this.limit = limit;
        this.view = view;
        this.pages = pages;
        this.choices = choices;
        this.messages = messages;
        this.links = links;
    }

    /** Whom the vendor can write to, for every page's footer. */
    @ModelAttribute("contact")
    String contact(Authentication authentication) {
        return authentication instanceof VendorAuthentication vendor
                ? pages.contact(answers.questionnaire(vendor.invitationId()).invitation().invitedBy()) : null;
    }

    @GetMapping
    String show(Authentication authentication, Model model) {
        VendorAuthentication vendor = VendorAuthentication.of(authentication);
        VendorQuestionnaire questionnaire = standing(vendor);
        view.fill(questionnaire, answers.answers(vendor.invitationId()), Map.of(), PageErrors.none(), model);
        return "vendor/questionnaire";
    }

    /**
     * Saves the answers and adds the files chosen, and goes on to the confirmation when "Send svarene" was pressed. Answers that do not fit their question are shown again
     * beside it, nothing saved; a refused file is said beside its question, the answers saved.
     */
    @PostMapping
    String save(Authentication authentication,
                @RequestParam MultiValueMap<String, String> form,
                @RequestParam(name = "handling", defaultValue = "gem") String action,
                HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        VendorAuthentication vendor = VendorAuthentication.of(authentication);
        VendorQuestionnaire questionnaire = standing(vendor);
        if (!open(questionnaire)) {
            return "redirect:" + VendorPageModel.QUESTIONNAIRE;
        }
        if (tooMany(vendor, response, model)) {
            return VendorPageModel.REFUSED;
        }
        Map<String, String> given = new LinkedHashMap<>();
        view.textQuestionIds(questionnaire).forEach(id -> given.put(id, Optional.ofNullable(form.getFirst(id)).orElse("")));
        PageErrors errors = PageErrors.none();
        try {
            // A press of "Gem" to add a file, with no answer changed, is no save for the history.
            if (changed(given, answers.answers(vendor.invitationId()))) {
                answers.save(vendor.invitationId(), given);
            }
        } catch (InvalidInputException invalid) {
            errors.addProblems(invalid, messages);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            view.fill(questionnaire, answers.answers(vendor.invitationId()), given, errors.inPageOrder(view.fieldOrder(questionnaire)), model);
            return "vendor/questionnaire";
        }
        int status = addFiles(vendor, questionnaire, request, errors);
        if (!errors.isEmpty()) {
            response.setStatus(status);
            view.fill(questionnaire, answers.answers(vendor.invitationId()), Map.of(), errors, model);
            return "vendor/questionnaire";
        }
        if (action.equals("send")) {
            return "redirect:" + VendorPageModel.QUESTIONNAIRE + "/send";
        }
        flash.addFlashAttribute("saved", choices.message("vendorPage.saved"));
        return "redirect:" + VendorPageModel.QUESTIONNAIRE;
    }

    /** "Send svarene": what sending means, with the button that does it and the way back. */
    @GetMapping("/send")
    String confirm(Authentication authentication, Model model) {
        VendorAuthentication vendor = VendorAuthentication.of(authentication);
        VendorQuestionnaire questionnaire = standing(vendor);
        if (!open(questionnaire)) {
            return "redirect:" + VendorPageModel.QUESTIONNAIRE;
        }
        view.fill(questionnaire, answers.answers(vendor.invitationId()), Map.of(), PageErrors.none(), model);
        return "vendor/confirm";
    }

    @PostMapping("/send")
    String submit(Authentication authentication, HttpServletResponse response, Model model) {
        VendorAuthentication vendor = VendorAuthentication.of(authentication);
        VendorQuestionnaire questionnaire = standing(vendor);
        if (!open(questionnaire)) {
            return "redirect:" + VendorPageModel.QUESTIONNAIRE;
        }
        if (tooMany(vendor, response, model)) {
            return VendorPageModel.REFUSED;
        }
        try {
            answers.submit(vendor.invitationId());
        } catch (InvalidInputException nothingAnswered) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            view.fill(questionnaire, answers.answers(vendor.invitationId()), Map.of(),
                    PageErrors.none().addProblems(nothingAnswered, messages), model);
            return "vendor/confirm";
        }
        // The questionnaire, now read-only, says when the answers were sent.
        return "redirect:" + VendorPageModel.QUESTIONNAIRE;
    }

    /** Which file, and that removing it deletes it; another invitation's document is no document here (404). */
    @GetMapping("/dokumenter/{attachmentId}/fjern")
    String confirmRemove(Authentication authentication,
                         @PathVariable UUID attachmentId, Model model) {
        VendorAuthentication vendor = VendorAuthentication.of(authentication);
        VendorQuestionnaire questionnaire = standing(vendor);
        if (!open(questionnaire)) {
            return "redirect:" + VendorPageModel.QUESTIONNAIRE;
        }
        model.addAttribute("municipality", questionnaire.municipality());
        model.addAttribute("document", document(vendor, attachmentId));
        return "vendor/remove";
    }

    @PostMapping("/dokumenter/{attachmentId}/fjern")
    String remove(Authentication authentication,
                  @PathVariable UUID attachmentId, HttpServletResponse response, Model model, RedirectAttributes flash) {
        VendorAuthentication vendor = VendorAuthentication.of(authentication);
        VendorQuestionnaire questionnaire = standing(vendor);
        if (!open(questionnaire)) {
            return "redirect:" + VendorPageModel.QUESTIONNAIRE;
        }
        VendorDocument document = document(vendor, attachmentId);
        if (tooMany(vendor, response, model)) {
            return VendorPageModel.REFUSED;
        }
        answers.removeDocument(vendor.invitationId(), attachmentId);
        flash.addFlashAttribute("saved", choices.message("vendorPage.removed", document.fileName()));
        return "redirect:" + VendorPageModel.QUESTIONNAIRE;
    }

    private VendorDocument document(VendorAuthentication vendor, UUID attachmentId) {
        return answers.answers(vendor.invitationId()).values().stream()
                .flatMap(answer -> answer.documents().stream())
                .filter(document -> document.attachmentId().equals(attachmentId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such document of this invitation"));
    }

    /**
     * The session's questionnaire, if its invitation still stands (open or answered), asked as its link would be: a
     * round revoked, expired (even before the nightly job marks it so) or whose request closed ends the session.
     */
    private VendorQuestionnaire standing(VendorAuthentication vendor) {
        if (links.current(vendor.invitationId()) instanceof LinkCheck.Refused refused) {
            throw new VendorSessionEnded(refused);
        }
        return answers.questionnaire(vendor.invitationId());
    }

    private static boolean open(VendorQuestionnaire questionnaire) {
        return questionnaire.invitation().state() == InvitationState.OPEN;
    }

    private boolean tooMany(VendorAuthentication vendor, HttpServletResponse response, Model model) {
        Optional<Duration> wait = limit.write(vendor.invitationId());
        wait.ifPresent(duration -> pages.tooMany("tooManyWrites", duration, response, model));
        return wait.isPresent();
    }

    private static boolean changed(Map<String, String> given, Map<String, VendorAnswer> saved) {
        return given.entrySet().stream().anyMatch(answer -> {
            VendorAnswer before = saved.get(answer.getKey());
            String now = answer.getValue().strip();
            return before == null ? !now.isEmpty() : !before.value().equals(now);
        });
    }

    /** @return the status of the last refused file, or 200 */
    private int addFiles(VendorAuthentication vendor, VendorQuestionnaire questionnaire, HttpServletRequest request,
                         PageErrors errors) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return HttpStatus.OK.value();
        }
        int status = HttpStatus.OK.value();
        for (String questionId : view.documentQuestionIds(questionnaire)) {
            for (MultipartFile file : multipart.getFiles(FILE + questionId)) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                    continue;
                }
                try {
                    answers.addDocument(vendor.invitationId(), questionId,
                            new Upload(file.getOriginalFilename(), file.getSize(), file));
                } catch (RefusedFileException refused) {
                    errors.add(FILE + questionId, choices.message(refused.messageKey(), refused.arguments()));
                    status = refused.status().value();
                }
            }
        }
        return status;
    }
}
