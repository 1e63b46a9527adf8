package dk.indkoebsscreening.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.system.ConflictException;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the events set aside ("Afviste hændelser"): the list with "Send igen", and each event
 * with its payload to correct ("Ret og send igen"). {@code /admin/**} is for administrators only
 * (SecurityConfiguration). The correction is a multipart form, so a payload near Kafka's limit is not inflated by
 * URL encoding beyond the servlet container's limit on form fields.
 */
@PageController
class DeadLettersPage {

    static final String PATH = "/admin/afviste-haendelser";

    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final MessageSource messages;

    DeadLettersPage(DeadLetters deadLetters, ObjectMapper objectMapper, Choices choices, MessageSource messages) {
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("deadLetters", deadLetters.setAside());
        model.addAttribute("total", deadLetters.count());
        model.addAttribute("maxRecordBytes", deadLetters.maxRecordBytes());
        return "events/dead-letters";
    }

    @GetMapping(PATH + "/{id}")
    String details(@PathVariable UUID id, Model model) {
        return details(id, null, PageErrors.none(), model);
    }

    /** Sent again already (a second click, another administrator): said on the list, as the outcome is the same. */
    @PostMapping(PATH + "/{id}/send-igen")
    String resend(@PathVariable UUID id, Authentication authentication, RedirectAttributes saved) {
        DeadLetter deadLetter = deadLetters.find(id);
        try {
            deadLetters.resend(id, authentication.getName());
            saved.addFlashAttribute("saved", choices.message("deadLetters.resent", deadLetter.reference()));
        } catch (ConflictException e) {
            saved.addFlashAttribute("saved", choices.message("deadLetters.notSetAside", deadLetter.reference()));
        }
        return "redirect:" + PATH;
    }

    /**
     * A correction that cannot be used is said on the event's page (400) with the text as posted; nothing changes. The
     * schema's findings all belong to the one text field, each saying where in the JSON it is.
     */
    @PostMapping(PATH + "/{id}/ret")
    String replacePayload(@PathVariable UUID id, @RequestParam(name = DeadLetters.PAYLOAD, defaultValue = "") String payload,
                          Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        DeadLetter deadLetter = deadLetters.find(id);
        try {
            deadLetters.replacePayloadAndResend(id, deadLetters.parse(payload), authentication.getName());
            saved.addFlashAttribute("saved", choices.message("deadLetters.corrected", deadLetter.reference()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            PageErrors errors = PageErrors.none();
            e.problems().forEach(problem -> errors.add(DeadLetters.PAYLOAD,
                    placeIn(problem.field()) + problem.messageIn(messages, LocaleContextHolder.getLocale())));
            return details(id, payload, errors, model);
        } catch (ConflictException e) {
            saved.addFlashAttribute("saved", choices.message("deadLetters.notSetAside", deadLetter.reference()));
        }
        return "redirect:" + PATH;
    }

    /** "payload.attachments[3].sha256" becomes "attachments[3].sha256: "; the payload as a whole, nothing. */
    private static String placeIn(String field) {
        return field.startsWith(DeadLetters.PAYLOAD + ".") ? field.substring(DeadLetters.PAYLOAD.length() + 1) + ": " : "";
    }

    /** @param posted the correction as posted, shown again with what is wrong with it; null shows the stored payload */
    private String details(UUID id, String posted, PageErrors errors, Model model) {
        OutboxStore.Payloads payloads = deadLetters.payloads(id);
        model.addAttribute("deadLetter", deadLetters.find(id));
        model.addAttribute("payload", posted != null ? posted : prettyPrinted(payloads.current()));
        model.addAttribute("original", payloads.original() == null ? null : prettyPrinted(payloads.original()));
        model.addAttribute("maxRecordBytes", deadLetters.maxRecordBytes());
        model.addAttribute("errors", errors);
        return "events/dead-letter";
    }

    /** Stored payloads are valid JSON (jsonb): indented, they are easier to correct by hand. */
    private String prettyPrinted(String json) {
        try {
            return objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(objectMapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The outbox holds a payload that is no JSON", e);
        }
    }
}
