package dk.indkoebsscreening.task;

import dk.indkoebsscreening.casefile.CaseFile;
import dk.indkoebsscreening.casefile.CaseFileService;
import dk.indkoebsscreening.process.TaskStep;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.vendor.VendorFindings;
import dk.indkoebsscreening.vendor.VendorStaffView;
import jakarta.servlet.http.HttpServletResponse;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of each task of experts and coordinators: what every task has (its deadline, taking it, handing it on,
 * the request and its files) around its step's own part ({@link TaskStep#template()}).
 */
@PageController
@RequestMapping("/opgaver")
class TaskPages {

    private final WorkTaskService tasks;
    private final HandOver handOver;
    private final TaskSteps steps;
    private final CaseFileService caseFiles;
    private final Choices choices;
    private final MessageSource messages;
    private final People people;
    private final TaskQuestions questions;
    private final TaskDrafts drafts;
    private final VendorStaffView vendor;
    private final VendorFindings vendorFindings;
    private final MunicipalityShown municipalityShown;

    TaskPages(WorkTaskService tasks, HandOver handOver, TaskSteps steps, CaseFileService caseFiles, Choices choices,
              MessageSource messages, People people, TaskQuestions questions, TaskDrafts drafts, VendorStaffView vendor,
              VendorFindings vendorFindings, MunicipalityShown municipalityShown) {
        this.municipalityShown = municipalityShown;
        this.vendor = vendor;
        this.vendorFindings = vendorFindings;
        this.tasks = tasks;
        this.handOver = handOver;
        this.steps = steps;
        this.caseFiles = caseFiles;
        this.choices = choices;
        this.messages = messages;
        this.people = people;
        this.questions = questions;
        this.drafts = drafts;
    }

    /** An open task's page; a completed one's old link says who completed it and leads to its request. */
    @GetMapping("/{id}")
    String task(@PathVariable String id, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            return taskPage(id, user, new LinkedMultiValueMap<>(), PageErrors.none(), model);
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
        saved.addFlashAttribute("saved", choices.message("task.saved.released", task.label()));
        return "redirect:/opgaver";
    }

    @PostMapping("/{id}/giv")
    String assign(@PathVariable String id, @RequestParam(name = "assignee", defaultValue = "") String assignee,
                  Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        WorkTask task = tasks.find(id, user);
        try {
            handOver.assign(id, assignee, user);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return taskPage(id, user, new LinkedMultiValueMap<>(), PageErrors.none().addProblems(e, messages), model);
        }
        saved.addFlashAttribute("saved", choices.message("task.saved.assigned", people.name(assignee), task.label()));
        return user.isCoordinator() ? "redirect:/opgaver/" + id : "redirect:/opgaver";
    }

    /** "Spørg anmoder": the question goes to the requester, the task stays open and its page shows the question. */
    @PostMapping("/{id}/spoerg")
    String ask(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication authentication,
               Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            questions.ask(id, form, user);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("askedQuestion", form.getFirst("question"));
            return taskPage(id, user, new LinkedMultiValueMap<>(), PageErrors.none().addProblems(e, messages), model);
        }
        saved.addFlashAttribute("saved", choices.message("task.saved.asked"));
        return "redirect:/opgaver/" + id + "#questions";
    }

    /** "Gem kladde": the form as it is, for its author to go on with; shown back with the problems of its sizes. */
    @PostMapping("/{id}/kladde")
    String saveDraft(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication authentication,
                     Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        WorkTask task = tasks.find(id, user);
        // "Brug svaret" saves the form as typed with the vendor's answer taken in: the expert goes on from the draft.
        String vendorAnswer = form.getFirst(VendorFindings.PARAMETER);
        if (vendorAnswer != null) {
            form = new LinkedMultiValueMap<>(form);
            form.remove(VendorFindings.PARAMETER);
            if (task.aboutRequest()) {
                form = vendorFindings.take(task.requestId(), vendorAnswer, form);
            }
        }
        try {
            drafts.save(id, form, user);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return taskPage(id, user, form, PageErrors.none().addProblems(e, messages)
                    .inPageOrder(steps.of(task.type()).fieldOrder(task.taskDefinitionKey())), model);
        }
        saved.addFlashAttribute("saved", choices.message(vendorAnswer != null ? "vendor.staff.used" : "task.saved.draft"));
        return "redirect:/opgaver/" + id + (vendorAnswer != null ? "#vendor-answer-" + vendorAnswer.replaceAll("[^A-Za-z0-9]", "") : "");
    }

    /** The step's form, bound to the same record as the API's body; shown back with its problems, in the page's order. */
    @PostMapping("/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication authentication,
                    Model model, RedirectAttributes saved) {
        CurrentUser user = CurrentUser.of(authentication);
        WorkTask task = tasks.find(id, user);
        TaskStep<?> step = steps.of(task.type());
        try {
            tasks.completeFromPage(id, form, user);
        } catch (InvalidInputException e) {
            return taskPage(id, user, form, PageErrors.none().addProblems(e, messages)
                    .inPageOrder(step.fieldOrder(task.taskDefinitionKey()))
                    .labelled(step.questions(task.requestId(), task.taskDefinitionKey()).stream()
                            .collect(Collectors.toMap(TaskStep.Question::field, TaskStep.Question::text, (a, b) -> a))), model);
        }
        saved.addFlashAttribute("saved", steps.savedMessage(step, task.label(), task.taskDefinitionKey(), form));
        return "redirect:/opgaver";
    }

    private String taskPage(String id, CurrentUser user, MultiValueMap<String, String> form, PageErrors errors, Model model) {
        WorkTask task = tasks.find(id, user);
        CaseFile details = task.aboutRequest() ? caseFiles.caseFile(task.requestId(), user) : null;
        TaskStep<?> step = steps.of(task.type());
        // A page opened afresh shows its author's draft; a posted form (with its problems) shows what was posted.
        Optional<DraftStore.Draft> draft = step.keepsDrafts() ? drafts.of(task, user) : Optional.empty();
        model.addAttribute("task", task);
        model.addAttribute("municipalityName", municipalityShown.nameOf(task));
        model.addAttribute("details", details);
        model.addAttribute("form", steps.shown(step, task.subjectId(), form.isEmpty() && draft.isPresent() ? draft.get().form() : form));
        model.addAttribute("draftSavedAt", draft.map(DraftStore.Draft::savedAt).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("mayWork", tasks.mayWorkOn(id, user));
        boolean mayHandOver = step.mayBeHandedOn() && (task.assignedTo(user.username()) || user.isCoordinator());
        model.addAttribute("mayHandOver", mayHandOver);
        // Only people who can take it now; when there are none the page says so instead of an empty choice, and says
        // that everyone is away only when they are: the one who holds it may simply be the group's only member.
        List<People.Person> present = mayHandOver ? handOver.colleagues(id, user) : List.of();
        List<People.Person> colleagues = present.stream().filter(person -> !person.id().equals(task.assignee())).toList();
        model.addAttribute("colleagues", colleagues);
        model.addAttribute("onlyHolderPresent", colleagues.size() < present.size());
        model.addAttribute("stepTemplate", step.template());
        model.addAttribute("vendor", task.aboutRequest() && task.area() != null ? vendor.panel(task.requestId(), user) : null);
        model.addAllAttributes(step.pageAttributes(new TaskStep.Page(task.subjectId(), task.taskDefinitionKey(),
                task.systemName(), task.vendor(), user.username(), user.groups())));
        return "task/task";
    }
}
