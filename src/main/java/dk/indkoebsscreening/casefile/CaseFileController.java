package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.security.CurrentUser;
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
@RequestMapping("/api/requests")
class CaseFileController {

    private static final int MAX_LIMIT = 1000;

    private final CaseFileService caseFiles;

    CaseFileController(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
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
