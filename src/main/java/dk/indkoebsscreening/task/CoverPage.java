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
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Fravær og stedfortrædere" for coordinators: the groups left without anyone before a deadline, who is away and whom
 * their tasks go to, the groups' stand-ins, and appointing or ending one ({@link GroupCover}).
 */
@PageController
@RequestMapping("/opgaver/fravaer")
class CoverPage {

    private static final List<String> FIELDS = List.of("group", "username", "from", "to");

    private final GroupCover cover;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final Formats formats;
    private final MessageSource messages;
    private final People people;

    CoverPage(GroupCover cover, FormBinder binder, ObjectMapper objectMapper, Choices choices, Formats formats,
              MessageSource messages, People people) {
        this.cover = cover;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.formats = formats;
        this.messages = messages;
        this.people = people;
    }

    /** @param group the group a warning's link preselects */
    @GetMapping
    String page(@RequestParam(name = "gruppe", defaultValue = "") String group, Authentication authentication, Model model) {
        return page(CurrentUser.of(authentication), Map.of("group", group), PageErrors.none(), model);
    }

    @PostMapping
    String appoint(@RequestParam Map<String, String> form, Authentication authentication, Model model, RedirectAttributes saved,
                   HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, Object> body = new LinkedHashMap<>();
        FIELDS.forEach(field -> body.put(field, form.getOrDefault(field, "").isBlank() ? null : form.get(field)));
        try {
            GroupStandIn standIn = cover.appoint(binder.bind(objectMapper.valueToTree(body), StandInForm.class), user);
            saved.addFlashAttribute("saved", choices.message("cover.saved.appointed", people.name(standIn.username()),
                    groupName(standIn.group()), formats.date(standIn.startsOn()), formats.date(standIn.endsOn())));
            return "redirect:/opgaver/fravaer";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(user, form, PageErrors.none().addProblems(e, messages).inPageOrder(FIELDS), model);
        }
    }

    @PostMapping("/{id}/afslut")
    String end(@PathVariable UUID id, Authentication authentication, RedirectAttributes saved) {
        cover.end(id, CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("cover.saved.ended"));
        return "redirect:/opgaver/fravaer";
    }

    private String page(CurrentUser user, Map<String, String> typed, PageErrors errors, Model model) {
        model.addAttribute("overview", cover.overview(user));
        model.addAttribute("today", cover.today());
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("", choices.message("cover.form.group.choose"));
        GroupCover.GROUPS.forEach(group -> groups.put(group, groupName(group)));
        model.addAttribute("groups", groups);
        Map<String, String> persons = new LinkedHashMap<>();
        persons.put("", choices.message("cover.form.username.choose"));
        cover.everyoneWhoScreens().forEach(person -> persons.put(person.id(), person.name() + " (" + person.id() + ")"));
        model.addAttribute("persons", persons);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "task/cover-page";
    }

    private String groupName(String group) {
        return GroupCover.areaOf(group) == null ? choices.message("cover.group.coordinators")
                : choices.message("area." + GroupCover.areaOf(group).name());
    }
}
