package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dk.indkoebsscreening.system.Paged;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Requests as the JSON API reads them: one case file, or lists. */
@RestController
@Tag(name = "Requests")
@RequestMapping("/api/requests")
class CaseFileController {

    private static final int MAX_LIMIT = 1000;

    private final CaseFileService caseFiles;
    private final AttachmentDownload download;
    private final ReportDownload reports;

    CaseFileController(CaseFileService caseFiles, AttachmentDownload download, ReportDownload reports) {
        this.caseFiles = caseFiles;
        this.download = download;
        this.reports = reports;
    }

    /** The screening report as a PDF, for whoever may read the request (a journal system with its own login, too). */
    @Operation(operationId = "screeningReport", summary = "The screening report as PDF", description = """
            PDF/UA-tagged, fonts embedded: the request, the six areas with verdicts, findings, conditions and checklist answers, \
            questions and answers, the decision, the files with SHA-256 and the history. For whoever may read the request.""")
    @ApiResponse(responseCode = "200", description = "The report.", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{id}/report.pdf")
    void report(@PathVariable UUID id, Authentication authentication, HttpServletResponse response) throws IOException {
        reports.write(caseFiles.caseFile(id, CurrentUser.of(authentication)), response);
    }

    /** A file's content, for whoever may read the request (a journal system with its own login, too). */
    @Operation(operationId = "downloadAttachment", summary = "A file of the request", description = "As a download, with the type it was checked to have.")
    @ApiResponse(responseCode = "200", description = "The file's content.", content = @Content(mediaType = "*/*",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{id}/attachments/{attachmentId}")
    void attachment(@PathVariable UUID id, @PathVariable UUID attachmentId, Authentication authentication,
                    HttpServletResponse response) throws IOException {
        download.write(caseFiles.readableAttachment(id, attachmentId, CurrentUser.of(authentication)), response);
    }

    @Operation(operationId = "request", summary = "One request with its case file", description = """
            Status, deadline, the areas' screening, questions and answers, escalation, decision and files. For the requester, \
            the experts and the coordinators.""")
    @GetMapping("/{id}")
    CaseFile caseFile(@PathVariable UUID id, Authentication authentication) {
        return caseFiles.caseFile(id, CurrentUser.of(authentication));
    }

    /**
     * The search over all requests the caller may read (their own for a requester), as JSON; the same criteria
     * as the search page. Dates are ISO (2026-12-01), whole days in the municipality's time zone.
     */
    @Operation(operationId = "searchRequests", summary = "Search the requests", description = """
            The search page's criteria over every request the caller may read (a requester finds their own). Dates are ISO \
            (2026-12-01), whole days in Copenhagen time. `total` is exact up to 10 000; 10 001 means more.""")
    @GetMapping("/search")
    Paged<RequestSearch.Found> search(@RequestParam(required = false) String q, @RequestParam(required = false) RequestStatus status,
                                      @RequestParam(required = false) String department, @RequestParam(required = false) String requester,
                                      @RequestParam(required = false) Area area, @RequestParam(required = false) Verdict verdict,
                                      @RequestParam(required = false) LocalDate submittedFrom,
                                      @RequestParam(required = false) LocalDate submittedTo,
                                      @RequestParam(required = false) LocalDate decidedFrom,
                                      @RequestParam(required = false) LocalDate decidedTo,
                                      @RequestParam(defaultValue = "NEWEST") RequestSearch.Order order,
                                      // The bounds for the document; springdoc then takes the schema as given, default included.
                                      @Parameter(description = "From 1 to the last page; beyond it `400` `page-out-of-range`.",
                                              schema = @Schema(type = "integer", format = "int32", minimum = "1", defaultValue = "1"))
                                      @RequestParam(defaultValue = "1") int page,
                                      @Parameter(description = "Beyond its bounds `400` `page-out-of-range`.",
                                              schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_LIMIT,
                                                      defaultValue = "50"))
                                      @RequestParam(defaultValue = "50") int size,
                                      Authentication authentication) {
        return caseFiles.search(CurrentUser.of(authentication), new RequestSearch.Criteria(null, q, status, department, requester,
                area, verdict, submittedFrom, submittedTo, decidedFrom, decidedTo), order, page,
                Paged.within("size", size, 1, MAX_LIMIT)).requirePage(page);
    }

    @Operation(operationId = "listRequests", summary = "The requests the caller may read", description = """
            Newest first, at most `limit`; with `mine=true` only the caller's own.""")
    @GetMapping
    List<RequestSummary> list(@RequestParam(defaultValue = "false") boolean mine,
                              @Parameter(description = "Beyond its bounds `400` `page-out-of-range`.",
                                      schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_LIMIT,
                                              defaultValue = "" + CaseFileService.DEFAULT_LIMIT))
                              @RequestParam(defaultValue = "" + CaseFileService.DEFAULT_LIMIT) int limit,
                              Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        int within = Paged.within("limit", limit, 1, MAX_LIMIT);
        return mine ? caseFiles.mine(user, within) : caseFiles.visibleTo(user, within);
    }
}
