package dk.indkoebsscreening.task;

import dk.indkoebsscreening.casefile.CaseFileView;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The requester answers the coordinator's question (the model's "provide information" task) on the request's page. */
@PageController
class QuestionPage {

    private final WorkTaskService tasks;
    private final CaseFileView caseFile;
    private final TaskSteps steps;
    private final MessageSource messages;

    QuestionPage(WorkTaskService tasks, CaseFileView caseFile, TaskSteps steps, MessageSource messages) {
        this.tasks = tasks;
        this.caseFile = caseFile;
        this.steps = steps;
        this.messages = messages;
    }

    /** @param form the answer, bound to the same record as the API's body for the task */
    @PostMapping("/anmodninger/{id}/svar")
    String answer(@PathVariable UUID id, @RequestParam(name = "answer", defaultValue = "") String answer,
                  @RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
                  RedirectAttributes saved) {
        CurrentUser user = CurrentUser.of(authentication);
        Optional<WorkTask> question = tasks.openQuestion(id, user);
        if (question.isEmpty()) {
            return "redirect:/anmodninger/" + id;
        }
        try {
            tasks.completeFromPage(question.get().id(), form, user);
        } catch (InvalidInputException e) {
            return caseFile.details(id, user, answer, PageErrors.none().addProblems(e, messages), model);
        }
        WorkTask done = question.get();
        saved.addFlashAttribute("saved", steps.savedMessage(steps.of(done.type()), done.reference(), done.taskDefinitionKey(), form));
        return "redirect:/anmodninger/" + id;
    }
}
