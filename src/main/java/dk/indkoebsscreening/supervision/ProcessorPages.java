package dk.indkoebsscreening.supervision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.register.RegisteredSystem;
import dk.indkoebsscreening.register.SystemRegister;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
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

/**
 * "Databehandlere": a registered system's data processors, their next supervision and the supervisions recorded, for
 * everyone; coordinators and the security group add, correct and remove them.
 */
@PageController
@RequestMapping("/systemer/{systemId}/databehandlere")
class ProcessorPages {

    private final ProcessorSupervision supervision;
    private final SystemRegister register;
    private final FormBinder binder;
    private final ObjectMapper objectMapper;
    private final Choices choices;
    private final MessageSource messages;

    ProcessorPages(ProcessorSupervision supervision, SystemRegister register, FormBinder binder, ObjectMapper objectMapper,
                   Choices choices, MessageSource messages) {
        this.supervision = supervision;
        this.register = register;
        this.binder = binder;
        this.objectMapper = objectMapper;
        this.choices = choices;
        this.messages = messages;
    }

    private static final int NAMED_NOT_FOUND = 10;
    private static final int NAME_SHOWN = 100;

    @GetMapping
    String processors(@PathVariable UUID systemId, Authentication authentication, Model model) {
        return page(systemId, null, new ProcessorInput(), PageErrors.none(), authentication, model);
    }

    @GetMapping("/{processorId}")
    String processor(@PathVariable UUID systemId, @PathVariable UUID processorId, Authentication authentication, Model model) {
        DataProcessor processor = supervision.find(systemId, processorId);
        return page(systemId, processor, ProcessorInput.of(processor), PageErrors.none(), authentication, model);
    }

    @PostMapping
    String add(@PathVariable UUID systemId, @ModelAttribute("form") ProcessorInput input, Authentication authentication,
               Model model, RedirectAttributes saved, HttpServletResponse response) {
        try {
            DataProcessor processor = supervision.add(systemId, bind(input), CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("supervision.saved.added", processor.name()));
            return "redirect:/systemer/" + systemId + "/databehandlere";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(systemId, null, input, errors(e), authentication, model);
        }
    }

    @PostMapping("/{processorId}")
    String update(@PathVariable UUID systemId, @PathVariable UUID processorId, @ModelAttribute("form") ProcessorInput input,
                  Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        try {
            DataProcessor processor = supervision.update(systemId, processorId, bind(input), CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", choices.message("supervision.saved.updated", processor.name()));
            return "redirect:/systemer/" + systemId + "/databehandlere";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(systemId, supervision.find(systemId, processorId), input, errors(e), authentication, model);
        }
    }

    /** KITOS's oversight for every system, from this system's page: the coordinator or security expert comes back here. */
    @PostMapping("/kitos-import")
    String importKitos(@PathVariable UUID systemId, @RequestParam(name = "file", required = false) MultipartFile file,
                       Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "register.import.noFile");
            }
            ProcessorSupervision.OversightImport result = supervision.importKitosOversight(
                    Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getBytes(), CurrentUser.of(authentication));
            saved.addFlashAttribute("saved", result.notFound().isEmpty()
                    ? choices.message("supervision.saved.imported", result.updated())
                    : choices.message("supervision.saved.importedNotFound", result.updated(), named(result.notFound())));
            return "redirect:/systemer/" + systemId + "/databehandlere";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(systemId, null, new ProcessorInput(), PageErrors.none().addProblems(e, messages), authentication, model);
        }
    }

    /**
     * The processors KITOS has and the register has not, as the saved message names them: a few, each cut to a line, and
     * how many more. The message travels in the session to the next page, so it is bounded like everything read.
     */
    private String named(Collection<String> notFound) {
        String named = notFound.stream().limit(NAMED_NOT_FOUND).map(name -> StringUtils.abbreviate(name, NAME_SHOWN))
                .collect(Collectors.joining(", "));
        int more = notFound.size() - NAMED_NOT_FOUND;
        return more > 0 ? choices.message("supervision.saved.andMore", named, more) : named;
    }

    @PostMapping("/{processorId}/fjern")
    String remove(@PathVariable UUID systemId, @PathVariable UUID processorId, Authentication authentication,
                  RedirectAttributes saved) {
        DataProcessor processor = supervision.remove(systemId, processorId, CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("supervision.saved.removed", processor.name()));
        return "redirect:/systemer/" + systemId + "/databehandlere";
    }

    private ProcessorForm bind(ProcessorInput input) {
        return binder.bind(objectMapper.valueToTree(input.toBody()), ProcessorForm.class);
    }

    private PageErrors errors(InvalidInputException e) {
        return PageErrors.none().addProblems(e, messages).inPageOrder(ProcessorInput.FIELDS);
    }

    /** The list with the add form, or (processor given) the one processor's edit form. */
    private String page(UUID systemId, DataProcessor editing, ProcessorInput input, PageErrors errors,
                        Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        RegisteredSystem system = register.find(systemId);
        List<DataProcessor> processors = supervision.processorsOf(systemId);
        Map<UUID, String> names = new LinkedHashMap<>();
        processors.forEach(processor -> names.put(processor.id(), processor.name()));
        Map<String, String> parents = new LinkedHashMap<>();
        processors.stream().filter(processor -> !processor.removed())
                .filter(processor -> editing == null || !processor.id().equals(editing.id()))
                .forEach(processor -> parents.put(processor.id().toString(), processor.name()));
        model.addAttribute("system", system);
        model.addAttribute("processors", processors);
        model.addAttribute("names", names);
        model.addAttribute("supervisions", ProcessorSupervision.mayReadSupervisions(user)
                ? supervision.supervisionsOf(systemId, user) : null);
        model.addAttribute("today", supervision.today());
        model.addAttribute("editing", editing);
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("parents", parents);
        model.addAttribute("methods", choices.of("supervision.method.", SupervisionMethod.values()));
        return "supervision/processors";
    }
}
