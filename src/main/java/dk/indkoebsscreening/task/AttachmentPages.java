package dk.indkoebsscreening.task;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The upload and remove forms of the pages: on a task page for the one working on the task, on the request's
 * page for the requester. Each form posts one file (with the CSRF token) and leads back to its page; a removal is
 * asked on a page of its own first.
 */
@PageController
class AttachmentPages {

    private final AttachmentSteps steps;
    private final Choices choices;

    AttachmentPages(AttachmentSteps steps, Choices choices) {
        this.steps = steps;
        this.choices = choices;
    }

    @PostMapping("/opgaver/{taskId}/bilag")
    String addToTask(@PathVariable String taskId, @RequestParam("file") MultipartFile file, Authentication authentication,
                     RedirectAttributes saved) {
        CurrentUser user = CurrentUser.of(authentication);
        Attachment added = steps.add(steps.requestOfTask(taskId, user), taskId, AttachmentController.upload(file), user);
        saved.addFlashAttribute("saved", choices.message("attachment.saved", added.name()));
        return "redirect:/opgaver/" + taskId + "#bilag";
    }

    /**
     * @param taskId      the task the file belongs to, where the user has several on the request (a condition's owner)
     * @param conditionId the condition's page the form is on, to go back to; empty on the request's page
     */
    @PostMapping("/anmodninger/{id}/bilag")
    String addToRequest(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                        @RequestParam(name = "opgave", defaultValue = "") String taskId,
                        @RequestParam(name = "betingelse", defaultValue = "") String conditionId,
                        Authentication authentication, RedirectAttributes saved) {
        Attachment added = steps.add(id, taskId.isBlank() ? null : taskId, AttachmentController.upload(file), CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("attachment.saved", added.name()));
        boolean backToCondition = conditionId.matches("[0-9a-fA-F-]{36}");
        return "redirect:/anmodninger/" + id + (backToCondition ? "/betingelser/" + conditionId + "#report" : "#bilag");
    }

    /**
     * The confirmation: names the file and what removing it does, with the destructive button and a way back; refused
     * (404, 403, 409) as the removal itself would be.
     */
    @GetMapping("/anmodninger/{id}/bilag/{attachmentId}/fjern")
    String confirmRemove(@PathVariable UUID id, @PathVariable UUID attachmentId,
                         @RequestParam(name = "opgave", defaultValue = "") String taskId, Authentication authentication,
                         Model model) {
        model.addAttribute("file", steps.removable(id, attachmentId, CurrentUser.of(authentication)));
        model.addAttribute("taskId", isTaskId(taskId) ? taskId : null);
        return "task/remove-file";
    }

    private static boolean isTaskId(String taskId) {
        return taskId.matches("[0-9a-fA-F-]{36}");
    }

    /** @param taskId the task page the form is on, to go back to; empty on the request's page */
    @PostMapping("/anmodninger/{id}/bilag/{attachmentId}/fjern")
    String remove(@PathVariable UUID id, @PathVariable UUID attachmentId,
                  @RequestParam(name = "opgave", defaultValue = "") String taskId, Authentication authentication,
                  RedirectAttributes saved) {
        CurrentUser user = CurrentUser.of(authentication);
        steps.remove(id, attachmentId, user);
        saved.addFlashAttribute("saved", choices.message("attachment.removed"));
        return "redirect:" + (isTaskId(taskId) ? "/opgaver/" + taskId : "/anmodninger/" + id) + "#bilag";
    }
}
