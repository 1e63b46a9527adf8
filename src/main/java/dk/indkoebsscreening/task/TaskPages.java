package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.casefile.CaseFile;
import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.scope.Scope;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.request.ContractValue;
import dk.indkoebsscreening.request.DuplicateCheck;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import jakarta.servlet.http.HttpServletResponse;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.Formats;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of each task of experts and coordinators: screening, triage, escalation, decision. */
@PageController
@RequestMapping("/opgaver")
class TaskPages {

    private final WorkTaskService tasks;
    private final CaseFileService caseFiles;
    private final ScreeningService screening;
    private final Choices choices;
    private final Formats formats;
    private final MessageSource messages;
    private final ObjectMapper objectMapper;
    private final DuplicateCheck duplicates;
    private final People people;

    TaskPages(WorkTaskService tasks, CaseFileService caseFiles, ScreeningService screening, Choices choices,
              Formats formats, MessageSource messages, ObjectMapper objectMapper, DuplicateCheck duplicates, People people) {
        this.tasks = tasks;
        this.caseFiles = caseFiles;
        this.screening = screening;
        this.choices = choices;
        this.formats = formats;
        this.messages = messages;
        this.objectMapper = objectMapper;
        this.duplicates = duplicates;
        this.people = people;
    }

    /** An open task's page; a completed one's old link says who completed it and leads to its request. */
    @GetMapping("/{id}")
    String task(@PathVariable String id, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            return taskPage(id, user, new TaskInput(), PageErrors.none(), model);
        } catch (TaskNotFoundException e) {
            WorkTaskService.FinishedTask finished = tasks.finished(id, user).orElseThrow(() -> e);
            model.addAttribute("finished", finished);
            return "task/done";
        }
    }

    @PostMapping("/{id}/tag")
    String claim(@PathVariable String id, Authentication authentication, RedirectAttributes saved) {
        tasks.claim(id, CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("task.saved.claimed"));
        return "redirect:/opgaver/" + id;
    }

    @PostMapping("/{id}/frigiv")
    String unclaim(@PathVariable String id, Authentication authentication, RedirectAttributes saved) {
        WorkTask task = tasks.find(id, CurrentUser.of(authentication));
        tasks.unclaim(id, CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("task.saved.released", task.reference()));
        return "redirect:/opgaver";
    }

    @PostMapping("/{id}/giv")
    String assign(@PathVariable String id, @RequestParam(name = "assignee", defaultValue = "") String assignee,
                  Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        WorkTask task = tasks.find(id, user);
        try {
            tasks.assign(id, assignee, user);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return taskPage(id, user, new TaskInput(), PageErrors.none().addProblems(e, messages), model);
        }
        saved.addFlashAttribute("saved", choices.message("task.saved.assigned", people.name(assignee), task.reference()));
        return user.isCoordinator() ? "redirect:/opgaver/" + id : "redirect:/opgaver";
    }

    @PostMapping("/{id}")
    String complete(@PathVariable String id, @ModelAttribute("form") TaskInput input,
                    @RequestParam Map<String, String> parameters, Authentication authentication, Model model,
                    RedirectAttributes saved) {
        CurrentUser user = CurrentUser.of(authentication);
        input.takeChecklistAnswers(parameters);
        WorkTask task = tasks.find(id, user);
        try {
            tasks.complete(id, objectMapper.valueToTree(input.toBody(task.type())), user);
        } catch (InvalidInputException e) {
            return taskPage(id, user, input, PageErrors.none().addProblems(e, messages).inPageOrder(fieldOrder(task)), model);
        }
        saved.addFlashAttribute("saved", savedMessage(task, input));
        return "redirect:/opgaver";
    }

    /** The fields in the order the task's page shows them, for the error summary. */
    private List<String> fieldOrder(WorkTask task) {
        return switch (task.type()) {
            case TRIAGE -> List.of("outcome", "comment", "areas", "flags", "scopeReason");
            case ESCALATION, MORE_INFORMATION -> List.of("outcome", "comment");
            case DECISION -> List.of("outcome", "reason");
            case SCREENING -> Stream.concat(screening.checklist(task.area()).stream().map(question -> "checklist." + question.id()),
                    Stream.of("verdict", "findings", "conditions")).toList();
        };
    }

    /** Says what was done, not only that something was saved. */
    private String savedMessage(WorkTask task, TaskInput input) {
        return switch (task.type()) {
            case TRIAGE -> choices.message("task.saved.triage." + input.getOutcome(), task.reference());
            case SCREENING -> choices.message("task.saved.screening", choices.message("area." + task.area()), task.reference());
            case ESCALATION -> choices.message("task.saved.escalation", task.reference());
            case DECISION -> choices.message("task.saved.decision", task.reference(), choices.message("verdict." + input.getOutcome()));
            case MORE_INFORMATION -> choices.message("task.saved.answer", task.reference());
        };
    }

    private String taskPage(String id, CurrentUser user, TaskInput input, PageErrors errors, Model model) {
        WorkTask task = tasks.find(id, user);
        CaseFile details = caseFiles.caseFile(task.requestId(), user);
        model.addAttribute("task", task);
        model.addAttribute("details", details);
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("mayWork", tasks.mayWorkOn(id, user));
        boolean mayHandOver = task.type() != TaskType.MORE_INFORMATION
                && (task.assignedTo(user.username()) || user.isCoordinator());
        model.addAttribute("colleagues", mayHandOver ? tasks.colleagues(id, user).stream()
                .filter(person -> !person.id().equals(task.assignee())).toList() : List.of());
        switch (task.type()) {
            case SCREENING -> {
                ContractValue value = details.procurement();
                String threshold = value.thresholdKnown()
                        ? choices.message("procurement.threshold.known", formats.amount(value.euThresholdDkk()),
                                formats.date(value.thresholdValidFrom()), formats.date(value.thresholdValidUntil()))
                        : choices.message("procurement.threshold.unknown", formats.date(value.thresholdDay()));
                Map<String, String> helpValues = Map.of("euThreshold", threshold);
                model.addAttribute("checklist", screening.checklist(task.area()).stream()
                        .map(question -> question.withHelpValues(helpValues)).toList());
                model.addAttribute("verdicts", choices.of("verdict.", Verdict.values()));
            }
            case TRIAGE -> {
                model.addAttribute("outcomes", choices.of("triageOutcome.", TriageOutcome.values()));
                model.addAttribute("scopeAreas", choices.of("area.", Area.values()));
                model.addAttribute("scopeFlags", choices.of("scopeFlag.", ScopeFlag.values()));
                model.addAttribute("duplicates", duplicates.like(details.request().systemName(), details.request().vendor(),
                        details.request().id(), user));
                Scope proposal = details.scope().current();
                if (input.getAreas() == null) {
                    input.setAreas(proposal.areas().stream().map(Area::name).toList());
                }
                if (input.getFlags() == null) {
                    input.setFlags(proposal.flags().stream().map(ScopeFlag::name).toList());
                }
            }
            case DECISION -> {
                model.addAttribute("outcomes", choices.of("verdict.", Verdict.values()));
                if (input.getOutcome() == null && details.recommendation() != null) {
                    input.setOutcome(details.recommendation().name());
                }
            }
            default -> {
            }
        }
        return "task/task";
    }
}
