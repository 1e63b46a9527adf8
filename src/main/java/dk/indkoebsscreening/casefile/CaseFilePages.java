package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** My requests, the receipt, and where a request stands, for whoever may read it. */
@PageController
@RequestMapping("/anmodninger")
class CaseFilePages {

    /** How many of everyone's newest requests the expert group's list shows. */
    private static final int OTHERS_SHOWN = 50;

    private final CaseFileService caseFiles;
    private final CaseFileView view;
    private final ProcessPosition position;

    CaseFilePages(CaseFileService caseFiles, CaseFileView view, ProcessPosition position) {
        this.caseFiles = caseFiles;
        this.view = view;
        this.position = position;
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("mine", caseFiles.mine(user, CaseFileService.DEFAULT_LIMIT));
        model.addAttribute("others", user.takesPartInScreening() ? caseFiles.visibleTo(user, OTHERS_SHOWN) : null);
        return "casefile/list";
    }

    @GetMapping("/{id}/kvittering")
    String receipt(@PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("details", caseFiles.caseFile(id, CurrentUser.of(authentication)));
        return "casefile/receipt";
    }

    @GetMapping("/{id}")
    String details(@PathVariable UUID id, Authentication authentication, Model model) {
        return view.details(id, CurrentUser.of(authentication), null, PageErrors.none(), model);
    }

    /** The deployed BPMN for the process picture. */
    @GetMapping(value = "/{id}/proces.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> processModel(@PathVariable UUID id, Authentication authentication) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(position.model(id, CurrentUser.of(authentication)));
    }
}
