package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.casefile.CaseFileView;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.triage.InformationForm;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
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
    private final MessageSource messages;
    private final ObjectMapper objectMapper;

    QuestionPage(WorkTaskService tasks, CaseFileView caseFile, MessageSource messages, ObjectMapper objectMapper) {
        this.tasks = tasks;
        this.caseFile = caseFile;
        this.messages = messages;
        this.objectMapper = objectMapper;
    }

    @PostMapping("/anmodninger/{id}/svar")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer,
                  Authentication authentication, Model model, RedirectAttributes saved) {
        CurrentUser user = CurrentUser.of(authentication);
        Optional<WorkTask> question = tasks.openQuestion(id, user);
        if (question.isEmpty()) {
            return "redirect:/anmodninger/" + id;
        }
        try {
            tasks.complete(question.get().id(), objectMapper.valueToTree(new InformationForm(answer)), user);
        } catch (InvalidInputException e) {
            return caseFile.details(id, user, answer, PageErrors.none().addProblems(e, messages), model);
        }
        saved.addFlashAttribute("saved", messages.getMessage("task.saved.answer", new Object[] {question.get().reference()},
                LocaleContextHolder.getLocale()));
        return "redirect:/anmodninger/" + id;
    }
}
