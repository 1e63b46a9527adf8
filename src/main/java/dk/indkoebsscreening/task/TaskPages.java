package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.casefile.CaseFile;
import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.process.TriageOutcome;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.screening.ScreeningService;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox of experts and coordinators and the page of each task: screening, triage, escalation, decision. */
@PageController
@RequestMapping("/opgaver")
class TaskPages {

    private final WorkTaskService tasks;
    private final CaseFileService caseFiles;
    private final ScreeningService screening;
    private final Choices choices;
    private final MessageSource messages;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    TaskPages(WorkTaskService tasks, CaseFileService caseFiles, ScreeningService screening, Choices choices,
              MessageSource messages, ObjectMapper objectMapper, Clock clock) {
        this.tasks = tasks;
        this.caseFiles = caseFiles;
        this.screening = screening;
        this.choices = choices;
        this.messages = messages;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Grouped by kind (triage, screening, ...), each group soonest deadline first as the service sorts them. */
    @GetMapping
    String inbox(Authentication authentication, Model model) {
        Map<TaskType, List<WorkTask>> byType = tasks.openTasks(CurrentUser.of(authentication)).stream()
                .filter(task -> task.type() != TaskType.MORE_INFORMATION)
                .collect(Collectors.groupingBy(WorkTask::type, () -> new EnumMap<>(TaskType.class),
                        Collectors.toList()));
        model.addAttribute("tasksByType", byType);
        model.addAttribute("now", clock.instant());
        return "task/inbox";
    }

    @GetMapping("/{id}")
    String task(@PathVariable String id, Authentication authentication, Model model) {
        return taskPage(id, CurrentUser.of(authentication), new TaskInput(), PageErrors.none(), model);
    }

    @PostMapping("/{id}/tag")
    String claim(@PathVariable String id, Authentication authentication) {
        tasks.claim(id, CurrentUser.of(authentication));
        return "redirect:/opgaver/" + id;
    }

    @PostMapping("/{id}/frigiv")
    String unclaim(@PathVariable String id, Authentication authentication) {
        tasks.unclaim(id, CurrentUser.of(authentication));
        return "redirect:/opgaver";
    }

    @PostMapping("/{id}")
    String complete(@PathVariable String id, @ModelAttribute("form") TaskInput input,
                    @RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        input.takeChecklistAnswers(parameters);
        WorkTask task = tasks.find(id, user);
        try {
            tasks.complete(id, objectMapper.valueToTree(input.toBody(task.type())), user);
        } catch (InvalidInputException e) {
            return taskPage(id, user, input, PageErrors.none().addProblems(e, messages), model);
        }
        return "redirect:/opgaver?gemt";
    }

    private String taskPage(String id, CurrentUser user, TaskInput input, PageErrors errors, Model model) {
        WorkTask task = tasks.find(id, user);
        CaseFile details = caseFiles.caseFile(task.requestId(), user);
        model.addAttribute("task", task);
        model.addAttribute("details", details);
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("overdue", task.overdueAt(clock.instant()));
        switch (task.type()) {
            case SCREENING -> {
                model.addAttribute("checklist", screening.checklist(task.area()));
                model.addAttribute("verdicts", choices.of("verdict.", Verdict.values()));
            }
            case TRIAGE -> model.addAttribute("outcomes", choices.of("triageOutcome.", TriageOutcome.values()));
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
