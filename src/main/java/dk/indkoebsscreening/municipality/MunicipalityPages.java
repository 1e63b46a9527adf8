package dk.indkoebsscreening.municipality;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Text;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.DanishNumbers;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The installation's administrators' pages of the municipalities ("Kommuner"): the list, a new one, one's settings.
 * {@code /admin/**} is for administrators only (SecurityConfiguration). The form is bound to the API's body, so both
 * are checked alike; numbers may be typed the Danish way ("100.000"). The group mailboxes are kept through the API.
 */
@PageController
class MunicipalityPages {

    static final String PATH = "/admin/kommuner";

    /** The page's fields in page order, for the error summary. */
    private static final List<String> FIELDS = List.of("id", "name", "logoText", "cvr", "mailSender", "kitosOrganisationUuid",
            "dpiaMinUsers", "fastTrackMaxValueDkk", "accessibilityContact", "eventsSource", "sharedAreas");

    private final Municipalities municipalities;
    private final MunicipalitySettings settings;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final MessageSource messages;

    MunicipalityPages(Municipalities municipalities, MunicipalitySettings settings, FormBinder binder, ObjectMapper objectMapper,
                      Choices choices, MessageSource messages) {
        this.municipalities = municipalities;
        this.settings = settings;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("municipalities", municipalities.all());
        return "municipality/list";
    }

    @GetMapping(PATH + "/ny")
    String newMunicipality(Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("dpiaMinUsers", String.valueOf(FirstMunicipality.DPIA_MIN_USERS));
        typed.put("fastTrackMaxValueDkk", FirstMunicipality.FAST_TRACK_MAX_VALUE_DKK.toPlainString());
        return page(null, typed, List.of(), PageErrors.none(), model);
    }

    @GetMapping(PATH + "/{id}")
    String municipality(@PathVariable String id, Model model) {
        Municipality municipality = municipalities.byId(id);
        return page(municipality, typed(municipality), municipality.sharedAreas().stream().map(Area::name).toList(),
                PageErrors.none(), model);
    }

    @PostMapping(PATH + "/ny")
    String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes saved, HttpServletResponse response) {
        Map<String, String> typed = typed(form);
        List<String> sharedAreas = sharedAreas(form);
        try {
            Municipality created = settings.create(bind(typed, sharedAreas, Map.of()));
            saved.addFlashAttribute("saved", choices.message("municipalities.saved.added", created.name()));
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(null, typed, sharedAreas, errors(e), model);
        }
    }

    @PostMapping(PATH + "/{id}")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes saved,
                  HttpServletResponse response) {
        Municipality municipality = municipalities.byId(id);
        Map<String, String> typed = typed(form);
        typed.put("id", id);
        List<String> sharedAreas = sharedAreas(form);
        try {
            Municipality updated = settings.update(id, bind(typed, sharedAreas, municipality.groupMailboxes()));
            saved.addFlashAttribute("saved", choices.message("municipalities.saved.updated", updated.name()));
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(municipality, typed, sharedAreas, errors(e), model);
        }
    }

    private String page(Municipality municipality, Map<String, String> typed, List<String> sharedAreas, PageErrors errors,
                        Model model) {
        model.addAttribute("municipality", municipality);
        model.addAttribute("form", typed);
        model.addAttribute("areas", choices.of("area.", Area.values()));
        model.addAttribute("sharedAreas", sharedAreas);
        model.addAttribute("errors", errors);
        return "municipality/settings";
    }

    /** The page's text fields as typed (the CSRF token and fields it does not have left out). */
    private static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.stream().filter(field -> !field.equals("sharedAreas")).forEach(field -> typed.put(field, form.getFirst(field)));
        return typed;
    }

    /** The areas ticked, as sent: the binder refuses one that is no area (at most one of each is kept). */
    private static List<String> sharedAreas(MultiValueMap<String, String> form) {
        return form.getOrDefault("sharedAreas", List.of()).stream().distinct().limit(Area.values().length + 1L).toList();
    }

    private static Map<String, String> typed(Municipality municipality) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("id", municipality.id());
        typed.put("name", municipality.name());
        typed.put("logoText", municipality.logoText());
        typed.put("cvr", municipality.cvr());
        typed.put("mailSender", municipality.mailSender());
        typed.put("kitosOrganisationUuid", municipality.kitosOrganisationUuid() == null ? null : municipality.kitosOrganisationUuid().toString());
        typed.put("dpiaMinUsers", String.valueOf(municipality.dpiaMinUsers()));
        typed.put("fastTrackMaxValueDkk", municipality.fastTrackMaxValueDkk().toPlainString().replace('.', ','));
        typed.put("accessibilityContact", municipality.accessibilityContact());
        typed.put("eventsSource", municipality.eventsSource().toString());
        return typed;
    }

    /** Numbers read the Danish way; one that cannot be read stays as typed, so that the binder names its field. */
    private MunicipalityForm bind(Map<String, String> typed, List<String> sharedAreas, Map<String, String> groupMailboxes) {
        Map<String, Object> body = new LinkedHashMap<>();
        typed.forEach((field, value) -> body.put(field, Text.orNull(value)));
        body.put("sharedAreas", sharedAreas);
        body.put("dpiaMinUsers", number(typed.get("dpiaMinUsers"), DanishNumbers::whole));
        body.put("fastTrackMaxValueDkk", number(typed.get("fastTrackMaxValueDkk"), DanishNumbers::amount));
        body.put("groupMailboxes", groupMailboxes);
        return binder.bind(objectMapper.valueToTree(body), MunicipalityForm.class, MunicipalitySettings::rules);
    }

    private static Object number(String typed, Function<String, Optional<? extends Number>> reader) {
        String text = Text.orNull(typed);
        return text == null ? null : reader.apply(text).<Object>map(number -> number).orElse(text);
    }

    private PageErrors errors(InvalidInputException e) {
        return PageErrors.none().addProblems(e, messages).inPageOrder(FIELDS);
    }
}
