package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.vendor.VendorStaffView;
import dk.indkoebsscreening.request.RequesterWaits;
import dk.indkoebsscreening.request.Requests;
import dk.indkoebsscreening.request.WaitPolicy;
import dk.indkoebsscreening.satisfaction.SatisfactionSurveys;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.triage.TriageService;
import dk.indkoebsscreening.web.PageErrors;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The request's page, also as the answer to a question re-renders it with the answer's errors: first the sentence of
 * where it stands and whose each date is, then the decision, the request's own data, files and history; the process
 * model is a page of its own behind "Se hele processen".
 */
@Component
public class CaseFileView {

    private final CaseFileService caseFiles;
    private final Standing standing;
    private final Requests requests;
    private final RequesterWaits waits;
    private final WaitPolicy waitPolicy;
    private final TriageService triage;
    private final VendorStaffView vendor;
    private final SatisfactionSurveys surveys;

    CaseFileView(CaseFileService caseFiles, Standing standing, Requests requests, RequesterWaits waits, WaitPolicy waitPolicy,
                 TriageService triage, VendorStaffView vendor, SatisfactionSurveys surveys) {
        this.vendor = vendor;
        this.surveys = surveys;
        this.caseFiles = caseFiles;
        this.standing = standing;
        this.requests = requests;
        this.waits = waits;
        this.waitPolicy = waitPolicy;
        this.triage = triage;
    }

    /** @param answer what the requester had written in the answer to the open question, kept on an error */
    public String details(UUID id, CurrentUser user, String answer, PageErrors errors, Model model) {
        return details(id, user, answer, null, errors, model);
    }

    /** @param answering the expert's question the answer and the errors are about; null for the coordinator's */
    public String details(UUID id, CurrentUser user, String answer, UUID answering, PageErrors errors, Model model) {
        CaseFile caseFile = caseFiles.caseFile(id, user);
        model.addAttribute("details", caseFile);
        WhatNow whatNow = WhatNow.of(caseFile);
        model.addAttribute("whatNow", whatNow);
        boolean requester = caseFile.request().requester().equals(user.username());
        // One look at the engine for both the sentence and the step-in button.
        boolean rulesDecide = triage.rulesWouldDecide(caseFile.request());
        model.addAttribute("standing", standing.sentence(caseFile, whatNow, requester, rulesDecide));
        model.addAttribute("seenByRequester", requester);
        // The date shown is today's; while the week pauses for the requester's answer it moves when they answer.
        model.addAttribute("deadlineMoves", waitPolicy.pauseWhileWaitingForRequester() && !caseFile.request().status().isClosed()
                && waits.waiting(id));
        // Only the requester answers the coordinator's question (the model's "provide information" task).
        model.addAttribute("question", requester ? caseFile.openQuestion().orElse(null) : null);
        // And the experts' questions from their screenings, each answered on its own.
        model.addAttribute("areaQuestions", requester && !caseFile.request().status().isClosed() ? caseFile.openAreaQuestions() : List.of());
        model.addAttribute("answering", answering);
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        // "Træd ind" only where the step-in would be taken; everyone else would be refused by it.
        model.addAttribute("mayStepIn", user.isCoordinator() && rulesDecide);
        // A re-screening names the request it follows (which its requester could read); the earlier one names the
        // re-screenings the reader may read.
        model.addAttribute("rescreening", requests.rescreeningOf(id).orElse(null));
        model.addAttribute("rescreenedBy", requests.rescreenedBy(id).stream()
                .filter(later -> requests.findById(later.id()).filter(request -> Requests.mayRead(request, user)).isPresent())
                .toList());
        model.addAttribute("vendor", vendor.panel(id, user));
        // The requester's satisfaction survey, once asked: to them alone.
        model.addAttribute("satisfaction", requester ? surveys.of(id).orElse(null) : null);
        return "casefile/details";
    }
}
