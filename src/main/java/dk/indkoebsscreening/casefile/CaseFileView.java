package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.PageErrors;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The request's page, also as the answer to a question re-renders it with the answer's errors. */
@Component
public class CaseFileView {

    private final CaseFileService caseFiles;
    private final ProcessPosition position;

    CaseFileView(CaseFileService caseFiles, ProcessPosition position) {
        this.caseFiles = caseFiles;
        this.position = position;
    }

    /** @param answer what the requester had written in the answer to the open question, kept on an error */
    public String details(UUID id, CurrentUser user, String answer, PageErrors errors, Model model) {
        CaseFile caseFile = caseFiles.caseFile(id, user);
        model.addAttribute("details", caseFile);
        model.addAttribute("position", position.position(id, user));
        boolean requester = caseFile.request().requester().equals(user.username());
        model.addAttribute("seenByRequester", requester);
        // Only the requester answers the coordinator's question (the model's "provide information" task).
        model.addAttribute("question", requester ? caseFile.openQuestion().orElse(null) : null);
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        return "casefile/details";
    }
}
