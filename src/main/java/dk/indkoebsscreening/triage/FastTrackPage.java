package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Træd ind" on the request's page: the same step-in as {@link FastTrackController}, refused the same way (403, 404,
 * 409 to the shared error pages), back on the request's page with a notice.
 */
@PageController
class FastTrackPage {

    private final TriageService triage;
    private final Requests requests;
    private final Choices choices;

    FastTrackPage(TriageService triage, Requests requests, Choices choices) {
        this.triage = triage;
        this.requests = requests;
        this.choices = choices;
    }

    @PostMapping("/anmodninger/{id}/hurtigt-spor/traed-ind")
    String stepIn(@PathVariable UUID id, Authentication authentication, RedirectAttributes saved) {
        triage.stepIn(id, CurrentUser.of(authentication));
        saved.addFlashAttribute("saved", choices.message("fastTrack.stepIn.saved", requests.findById(id).orElseThrow().reference()));
        return "redirect:/anmodninger/" + id;
    }
}
