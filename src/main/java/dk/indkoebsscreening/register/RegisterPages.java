package dk.indkoebsscreening.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.request.Hosting;
import dk.indkoebsscreening.request.PersonalData;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Systemoversigt": the list and search for everyone, each system's page, and the coordinators' changes and import. */
@PageController
@RequestMapping("/systemer")
class RegisterPages {

    static final int PAGE_SIZE = 25;

    private final SystemRegister register;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final MessageSource messages;
    private final Renewals renewals;
    private final ScreeningOfSystems screening;

    RegisterPages(SystemRegister register, FormBinder binder, ObjectMapper objectMapper, Choices choices,
                  MessageSource messages, Renewals renewals, ScreeningOfSystems screening) {
        this.screening = screening;
        this.register = register;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.messages = messages;
        this.renewals = renewals;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
                @RequestParam(name = "udfasede", defaultValue = "false") boolean includeRetired,
                @RequestParam(name = "side", defaultValue = "1") String page, Model model) {
        return listPage(text, includeRetired, page, PageErrors.none(), model);
    }

    private String listPage(String typed, boolean includeRetired, String page, PageErrors errors, Model model) {
        String text = typed != null && typed.length() > SystemRegister.MAX_SEARCH_TEXT
                ? typed.substring(0, SystemRegister.MAX_SEARCH_TEXT) : typed;
        model.addAttribute("systems", register.search(text, includeRetired, Paged.requested(page), PAGE_SIZE));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("includeRetired", includeRetired);
        model.addAttribute("pagerBase", "/systemer?q=" + URLEncoder.encode(Objects.requireNonNullElse(text, ""), StandardCharsets.UTF_8) + (includeRetired ? "&udfasede=true" : "") + "&side=");
        model.addAttribute("errors", errors);
        return "register/list";
    }

    @GetMapping("/{id}")
    String system(@PathVariable UUID id, Model model) {
        RegisteredSystem system = register.find(id);
        return systemPage(system, SystemInput.of(system), PageErrors.none(), model);
    }

    @GetMapping("/ny")
    String newSystem(Model model) {
        return systemPage(null, new SystemInput(), PageErrors.none(), model);
    }

    @PostMapping("/ny")
    String add(@ModelAttribute("form") SystemInput input, Authentication authentication, Model model,
               RedirectAttributes saved, HttpServletResponse response) {
        try {
            RegisteredSystem system = register.add(bind(input), CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("register.saved.added", system.name()));
            return "redirect:/systemer/" + system.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return systemPage(null, input, errors(e), model);
        }
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") SystemInput input, Authentication authentication,
                  Model model, RedirectAttributes saved, HttpServletResponse response) {
        try {
            RegisteredSystem system = register.update(id, bind(input), CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("register.saved.updated", system.name()));
            return "redirect:/systemer/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return systemPage(register.find(id), input, errors(e), model);
        }
    }

    @PostMapping("/{id}/udfas")
    String retire(@PathVariable UUID id, Authentication authentication, RedirectAttributes saved) {
        RegisteredSystem system = register.setRetired(id, true, CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("register.saved.retired", system.name()));
        return "redirect:/systemer/" + id;
    }

    @PostMapping("/{id}/genaktiver")
    String reactivate(@PathVariable UUID id, Authentication authentication, RedirectAttributes saved) {
        RegisteredSystem system = register.setRetired(id, false, CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("register.saved.reactivated", system.name()));
        return "redirect:/systemer/" + id;
    }

    /** The request that screened a system the register did not know was screened. */
    @PostMapping("/{id}/screening/anmodning")
    String linkToRequest(@PathVariable UUID id, @RequestParam(name = "reference", required = false) String reference,
                         Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        try {
            screening.link(id, reference, CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("register.screening.linked", reference.strip()));
            return "redirect:/systemer/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reference", reference);
            return systemPage(register.find(id), SystemInput.of(register.find(id)), PageErrors.none().addProblems(e, messages), model);
        }
    }

    /** A system that needs no screening, with the reason the steering group reads. */
    @PostMapping("/{id}/screening/undtag")
    String exempt(@PathVariable UUID id, @RequestParam(name = "reason", required = false) String reason,
                  Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        try {
            screening.exempt(id, reason, CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("register.screening.exempted"));
            return "redirect:/systemer/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reason", reason == null ? null : reason.substring(0, Math.min(reason.length(), ScreeningOfSystems.REASON_LENGTH + 1)));
            return systemPage(register.find(id), SystemInput.of(register.find(id)), PageErrors.none().addProblems(e, messages), model);
        }
    }

    @PostMapping("/import")
    String importKitos(@RequestParam(name = "file", required = false) MultipartFile file, Authentication authentication,
                       Model model, RedirectAttributes saved, HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "register.import.noFile");
            }
            String name = Objects.requireNonNullElse(file.getOriginalFilename(), "");
            SystemRegister.ImportResult result = register.importKitos(name, file.getBytes(), CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("register.import.done", name, result.added(), result.updated(),
                    result.retired()));
            return "redirect:/systemer";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listPage(null, false, "1", errors(e), model);
        }
    }

    private SystemForm bind(SystemInput input) {
        return binder.bind(objectMapper.valueToTree(input.toBody()), SystemForm.class);
    }

    private PageErrors errors(InvalidInputException e) {
        return PageErrors.none().addProblems(e, messages).inPageOrder(SystemInput.FIELDS);
    }

    private String systemPage(RegisteredSystem system, SystemInput input, PageErrors errors, Model model) {
        model.addAttribute("system", system);
        model.addAttribute("renewalDueOn", system == null ? null : renewals.dueOn(system));
        model.addAttribute("renewalsDecided", system == null ? List.of() : renewals.decided(system.id()));
        model.addAttribute("exemption", system == null ? null : screening.exemption(system.id()).orElse(null));
        model.addAttribute("screenedBy", system == null ? null : screening.screenedBy(system.id()).orElse(null));
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("personalDataKinds", choices.of("personalData.", PersonalData.values()));
        model.addAttribute("hostings", choices.of("hosting.", Hosting.values()));
        return "register/system";
    }
}
