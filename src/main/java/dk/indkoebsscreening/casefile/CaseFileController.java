package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Requests as the JSON API reads them: one case file, or lists. */
@RestController
@RequestMapping("/api/requests")
class CaseFileController {

    private static final int MAX_LIMIT = 1000;

    private final CaseFileService caseFiles;
    private final AttachmentDownload download;

    CaseFileController(CaseFileService caseFiles, AttachmentDownload download) {
        this.caseFiles = caseFiles;
        this.download = download;
    }

    /** A file's content, for whoever may read the request (a journal system with its own login, too). */
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<StreamingResponseBody> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                                     Authentication authentication) {
        return download.of(caseFiles.readableAttachment(id, attachmentId, CurrentUser.of(authentication)));
    }

    @GetMapping("/{id}")
    CaseFile caseFile(@PathVariable UUID id, Authentication authentication) {
        return caseFiles.caseFile(id, CurrentUser.of(authentication));
    }

    @GetMapping
    List<RequestSummary> list(@RequestParam(defaultValue = "false") boolean mine,
                              @RequestParam(defaultValue = "" + CaseFileService.DEFAULT_LIMIT) int limit,
                              Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        int bounded = Math.min(Math.max(limit, 1), MAX_LIMIT);
        return mine ? caseFiles.mine(user, bounded) : caseFiles.visibleTo(user, bounded);
    }
}
