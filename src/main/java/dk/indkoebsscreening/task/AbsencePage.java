package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
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

/** "Fravær" under Mine indstillinger: the user's own absence and whom their tasks go to meanwhile. */
@PageController
@RequestMapping("/indstillinger/fravaer")
class AbsencePage {

    private static final List<String> FIELDS = List.of("from", "to", "standIn");

    private final AbsenceService absences;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final Formats formats;
    private final MessageSource messages;
    private final People people;

    AbsencePage(AbsenceService absences, FormBinder binder, ObjectMapper objectMapper, Choices choices, Formats formats,
                MessageSource messages, People people) {
        this.absences = absences;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.formats = formats;
        this.messages = messages;
        this.people = people;
    }

    @GetMapping
    String absence(Authentication authentication, Model model) {
        return page(CurrentUser.of(authentication), null, null, null, PageErrors.none(), model);
    }

    @PostMapping
    String mark(@RequestParam(name = "from", defaultValue = "") String from, @RequestParam(name = "to", defaultValue = "") String to,
                @RequestParam(name = "standIn", defaultValue = "") String standIn,
                Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.isBlank() ? null : from);
        body.put("to", to.isBlank() ? null : to);
        body.put("standIn", standIn.isBlank() ? null : standIn);
        try {
            Absence absence = absences.mark(binder.bind(objectMapper.valueToTree(body), AbsenceForm.class),
                    CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", absence.standIn() == null
                    ? choices.message("absence.saved", formats.date(absence.startsOn()), formats.date(absence.endsOn()))
                    : choices.message("absence.savedWithStandIn", formats.date(absence.startsOn()),
                            formats.date(absence.endsOn()), people.name(absence.standIn())));
            return "redirect:/indstillinger/fravaer";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(CurrentUser.of(authentication), from, to, standIn,
                    PageErrors.none().addProblems(e, messages).inPageOrder(FIELDS), model);
        }
    }

    @PostMapping("/slet")
    String clear(Authentication authentication, RedirectAttributes saved) {
        absences.clear(CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("absence.cleared"));
        return "redirect:/indstillinger/fravaer";
    }

    private String page(CurrentUser user, String from, String to, String standIn, PageErrors errors, Model model) {
        Absence absence = absences.of(user.username()).orElse(null);
        model.addAttribute("absence", absence);
        // The form shows what was typed after an error, else the period saved.
        model.addAttribute("from", from != null || absence == null ? from : absence.startsOn().toString());
        model.addAttribute("to", to != null || absence == null ? to : absence.endsOn().toString());
        model.addAttribute("standIn", standIn != null || absence == null ? standIn : absence.standIn());
        Map<String, String> standIns = new LinkedHashMap<>();
        standIns.put("", choices.message("absence.standIn.group"));
        absences.standInChoices(user).forEach(person -> standIns.put(person.id(), person.name() + " (" + person.id() + ")"));
        model.addAttribute("standIns", standIns);
        model.addAttribute("errors", errors);
        return "task/absence";
    }
}
