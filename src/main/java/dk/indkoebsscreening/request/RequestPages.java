package dk.indkoebsscreening.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.task.TaskType;
import dk.indkoebsscreening.task.WorkTask;
import dk.indkoebsscreening.task.WorkTaskService;
import dk.indkoebsscreening.triage.InformationForm;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import jakarta.validation.Validator;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The requester's pages: the request form, the receipt, my requests and where one of them stands. */
@PageController
@RequestMapping("/anmodninger")
class RequestPages {

    private final RequestService requests;
    private final ProcessPosition position;
    private final WorkTaskService tasks;
    private final Validator validator;
    private final Choices choices;
    private final MessageSource messages;
    private final ObjectMapper objectMapper;

    RequestPages(RequestService requests, ProcessPosition position, WorkTaskService tasks, Validator validator,
                 Choices choices, MessageSource messages, ObjectMapper objectMapper) {
        this.requests = requests;
        this.position = position;
        this.tasks = tasks;
        this.validator = validator;
        this.choices = choices;
        this.messages = messages;
        this.objectMapper = objectMapper;
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("mine", requests.mine(user));
        model.addAttribute("others", user.takesPartInScreening() ? requests.visibleTo(user, 50) : null);
        return "request/list";
    }

    @GetMapping("/ny")
    String newRequest(Model model) {
        return form(RequestInput.withNewToken(), PageErrors.none(), model);
    }

    @PostMapping("/ny")
    String submit(@ModelAttribute("form") RequestInput input, BindingResult binding, Authentication authentication,
                  Model model) {
        PageErrors errors = PageErrors.of(binding, RequestInput.FIELDS);
        if (input.getProcessesPersonalData() == null) {
            errors.add("processesPersonalData", choices.message("request.personalData.required"));
        }
        if (input.integrationsMissing()) {
            errors.add("integrations", choices.message("request.field.integrations.required"));
        }
        PurchaseRequestForm form = input.toForm();
        errors.addViolations(validator.validate(form).stream()
                .filter(violation -> !violation.getPropertyPath().toString().equals("personalData")
                        || input.getProcessesPersonalData() != null)
                .collect(Collectors.toSet()));
        if (!errors.isEmpty()) {
            return form(input, ordered(errors), model);
        }
        String token = input.validSubmissionToken();
        if (token == null) {
            input.renewSubmissionToken();
            model.addAttribute("notice", choices.message("request.form.resend"));
            return form(input, errors, model);
        }
        try {
            PurchaseRequest request = requests.submit(form, authentication.getName(), token).request();
            return "redirect:/anmodninger/" + request.id() + "/kvittering";
        } catch (SubmissionKeyReusedException e) {
            // Sent before with other content (back, edit, send): the new content becomes a new request only on purpose.
            input.renewSubmissionToken();
            model.addAttribute("notice", choices.message("request.form.alreadySubmitted", e.earlierReference()));
            return form(input, errors, model);
        }
    }

    @GetMapping("/{id}/kvittering")
    String receipt(@PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("details", requests.details(id, CurrentUser.of(authentication)));
        return "request/receipt";
    }

    @GetMapping("/{id}")
    String details(@PathVariable UUID id, Authentication authentication, Model model) {
        return detailsPage(id, CurrentUser.of(authentication), null, PageErrors.none(), model);
    }

    /** The requester answers the coordinator's question (the model's "provide information" task). */
    @PostMapping("/{id}/svar")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer,
                  Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        WorkTask question = openQuestion(id, user);
        if (question == null) {
            return "redirect:/anmodninger/" + id;
        }
        try {
            tasks.complete(question.id(), objectMapper.valueToTree(new InformationForm(answer)), user);
        } catch (InvalidInputException e) {
            return detailsPage(id, user, answer, PageErrors.none().addProblems(e, messages), model);
        }
        return "redirect:/anmodninger/" + id;
    }

    /** The deployed BPMN for the process picture. */
    @GetMapping(value = "/{id}/proces.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> processModel(@PathVariable UUID id, Authentication authentication) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(position.model(id, CurrentUser.of(authentication)));
    }

    private String detailsPage(UUID id, CurrentUser user, String answer, PageErrors errors, Model model) {
        RequestDetails details = requests.details(id, user);
        model.addAttribute("details", details);
        model.addAttribute("currentStep", ProgressStep.current(details.request().status()));
        model.addAttribute("steps", ProgressStep.all());
        model.addAttribute("activeElements", String.join(" ", position.activeElements(id, user)));
        model.addAttribute("question", openQuestion(id, user));
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        return "request/details";
    }

    private WorkTask openQuestion(UUID requestId, CurrentUser user) {
        return tasks.openTasks(user).stream()
                .filter(task -> task.type() == TaskType.MORE_INFORMATION && task.requestId().equals(requestId))
                .findFirst()
                .orElse(null);
    }

    private String form(RequestInput input, PageErrors errors, Model model) {
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("personalDataKinds",
                choices.of("personalData.", PersonalData.ORDINARY, PersonalData.SENSITIVE, PersonalData.CPR));
        model.addAttribute("hostings", choices.of("hosting.", Hosting.values()));
        model.addAttribute("yesNo", choices.yesNo());
        return "request/form";
    }

    /** Errors in the order of the form, whichever step found them. */
    private static PageErrors ordered(PageErrors errors) {
        PageErrors ordered = PageErrors.none();
        RequestInput.FIELDS.forEach(field -> errors.of(field).forEach(message -> ordered.add(field, message)));
        return ordered;
    }
}
