package dk.indkoebsscreening.task;

import dk.indkoebsscreening.casefile.CaseFileView;
import dk.indkoebsscreening.request.RequestNotFoundException;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.triage.AreaQuestions;
import dk.indkoebsscreening.triage.InformationForm;
import dk.indkoebsscreening.web.Choices;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
    private final AreaQuestions areaQuestions;
    private final FormBinder binder;
    private final Requests requests;
    private final Choices choices;

    QuestionPage(WorkTaskService tasks, CaseFileView caseFile, TaskSteps steps, MessageSource messages,
                 AreaQuestions areaQuestions, FormBinder binder, Requests requests, Choices choices) {
        this.tasks = tasks;
        this.caseFile = caseFile;
        this.steps = steps;
        this.messages = messages;
        this.areaQuestions = areaQuestions;
        this.binder = binder;
        this.requests = requests;
        this.choices = choices;
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

    /**
     * The requester answers an expert's question from a screening; only the requester of the request may, and anyone
     * else finds no such request.
     */
    @PostMapping("/anmodninger/{id}/spoergsmaal/{questionId}/svar")
    String answerExpert(@PathVariable UUID id, @PathVariable UUID questionId, @RequestParam MultiValueMap<String, String> form,
                        Authentication authentication, Model model, RedirectAttributes saved, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        requests.findById(id).filter(request -> request.requester().equals(user.username()))
                .orElseThrow(() -> new RequestNotFoundException(id));
        try {
            areaQuestions.answer(id, questionId, binder.bindForm(form, InformationForm.class, bound -> List.of()), user.username());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return caseFile.details(id, user, form.getFirst("answer"), questionId, PageErrors.none().addProblems(e, messages), model);
        }
        saved.addFlashAttribute("saved", choices.message("request.saved.answered"));
        return "redirect:/anmodninger/" + id;
    }
}
