package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.RequestDrafts;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.web.Choices;
import dk.indkoebsscreening.web.PageController;
import dk.indkoebsscreening.web.PageErrors;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** My requests (and drafts), everyone's for the expert group, the receipt, and where a request stands. */
@PageController
@RequestMapping("/anmodninger")
class CaseFilePages {

    static final int PAGE_SIZE = 25;

    private final CaseFileService caseFiles;
    private final CaseFileView view;
    private final ProcessPosition position;
    private final Choices choices;
    private final AttachmentDownload download;
    private final SearchExport export;
    private final ReportDownload reports;
    private final RequestDrafts drafts;

    CaseFilePages(CaseFileService caseFiles, CaseFileView view, ProcessPosition position, Choices choices,
                  AttachmentDownload download, SearchExport export, ReportDownload reports, RequestDrafts drafts) {
        this.drafts = drafts;
        this.caseFiles = caseFiles;
        this.view = view;
        this.position = position;
        this.choices = choices;
        this.download = download;
        this.export = export;
        this.reports = reports;
    }

    @GetMapping
    String mine(@RequestParam(name = "side", defaultValue = "1") String page, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("requests", caseFiles.minePaged(user, Paged.requested(page), PAGE_SIZE));
        model.addAttribute("drafts", drafts.mine(user.username()));
        model.addAttribute("pagerBase", "/anmodninger?side=");
        return "casefile/list";
    }

    /** The search over all requests the user may read (everyone's for the expert group), and its export. */
    @GetMapping("/alle")
    String all(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
        SearchQuery query = SearchQuery.of(parameters);
        CurrentUser user = CurrentUser.of(authentication);
        Paged<RequestSearch.Found> requests = caseFiles.search(user, query.criteria(), query.order(),
                Paged.requested(parameters.getOrDefault("side", "1")), PAGE_SIZE);
        model.addAttribute("requests", requests);
        if (requests.total() == 0) {
            caseFiles.suggestion(user, query.criteria()).ifPresent(words -> {
                model.addAttribute("suggestion", words);
                model.addAttribute("suggestionLink", query.with("q", words).link("/anmodninger/alle"));
            });
        }
        model.addAttribute("query", query);
        model.addAttribute("statuses", choices.of("status.", RequestStatus.values()));
        model.addAttribute("areas", choices.of("area.", Area.values()));
        model.addAttribute("verdicts", choices.of("verdict.", Verdict.values()));
        String pagerBase = query.link("/anmodninger/alle");
        model.addAttribute("pagerBase", pagerBase + (pagerBase.contains("?") ? "&" : "?") + "side=");
        model.addAttribute("csvLink", query.link("/anmodninger/alle.csv"));
        return "casefile/all";
    }

    /** The whole result as CSV for Danish Excel (at most {@link SearchExport#MAX_ROWS} rows). */
    @GetMapping("/alle.csv")
    void export(@RequestParam Map<String, String> parameters, Authentication authentication, HttpServletResponse response)
            throws IOException {
        SearchQuery query = SearchQuery.of(parameters);
        CurrentUser user = CurrentUser.of(authentication);
        export.csv((page, size) -> caseFiles.search(user, query.criteria(), query.order(), page, size), response);
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

    /** "Se hele processen": the model with the request's position, behind a link from the request's page. */
    @GetMapping("/{id}/proces")
    String process(@PathVariable UUID id, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("request", caseFiles.readable(id, user));
        model.addAttribute("position", position.position(id, user));
        return "casefile/process";
    }

    @GetMapping("/{id}/bilag/{attachmentId}")
    void attachment(@PathVariable UUID id, @PathVariable UUID attachmentId, Authentication authentication,
                    HttpServletResponse response) throws IOException {
        download.write(caseFiles.readableAttachment(id, attachmentId, CurrentUser.of(authentication)), response);
    }

    @GetMapping("/{id}/rapport.pdf")
    void report(@PathVariable UUID id, Authentication authentication, HttpServletResponse response) throws IOException {
        reports.write(caseFiles.caseFile(id, CurrentUser.of(authentication)), response);
    }

    /** The deployed BPMN for the process picture. */
    @GetMapping(value = "/{id}/proces.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> processModel(@PathVariable UUID id, Authentication authentication) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(position.model(id, CurrentUser.of(authentication)));
    }
}
