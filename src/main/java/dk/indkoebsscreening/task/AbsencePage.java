package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Fravær" under Mine indstillinger: the user's own absence. */
@PageController
@RequestMapping("/indstillinger/fravaer")
class AbsencePage {

    private static final List<String> FIELDS = List.of("from", "to");

    private final AbsenceService absences;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final Formats formats;
    private final MessageSource messages;

    AbsencePage(AbsenceService absences, FormBinder binder, ObjectMapper objectMapper, Choices choices, Formats formats,
                MessageSource messages) {
        this.absences = absences;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping
    String absence(Authentication authentication, Model model) {
        return page(authentication.getName(), null, null, PageErrors.none(), model);
    }

    @PostMapping
    String mark(@RequestParam(name = "from", defaultValue = "") String from, @RequestParam(name = "to", defaultValue = "") String to,
                Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.isBlank() ? null : from);
        body.put("to", to.isBlank() ? null : to);
        try {
            Absence absence = absences.mark(binder.bind(objectMapper.valueToTree(body), AbsenceForm.class),
                    CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("absence.saved", formats.date(absence.startsOn()),
                    formats.date(absence.endsOn())));
            return "redirect:/indstillinger/fravaer";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(authentication.getName(), from, to, PageErrors.none().addProblems(e, messages).inPageOrder(FIELDS), model);
        }
    }

    @PostMapping("/slet")
    String clear(Authentication authentication, RedirectAttributes saved) {
        absences.clear(CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("absence.cleared"));
        return "redirect:/indstillinger/fravaer";
    }

    private String page(String username, String from, String to, PageErrors errors, Model model) {
        Absence absence = absences.of(username).orElse(null);
        model.addAttribute("absence", absence);
        // The form shows what was typed after an error, else the period saved.
        model.addAttribute("from", from != null || absence == null ? from : absence.startsOn().toString());
        model.addAttribute("to", to != null || absence == null ? to : absence.endsOn().toString());
        model.addAttribute("errors", errors);
        return "task/absence";
    }
}
