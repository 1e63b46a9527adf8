package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.request.RequestRepository.Order;
import dk.indkoebsscreening.request.RequestStatus;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.Paged;
import dk.indkoebsscreening.web.Choices;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** My requests, everyone's for the expert group, the receipt, and where a request stands. */
@PageController
@RequestMapping("/anmodninger")
class CaseFilePages {

    static final int PAGE_SIZE = 25;

    private final CaseFileService caseFiles;
    private final CaseFileView view;
    private final ProcessPosition position;
    private final Choices choices;
    private final AttachmentDownload download;

    CaseFilePages(CaseFileService caseFiles, CaseFileView view, ProcessPosition position, Choices choices,
                  AttachmentDownload download) {
        this.caseFiles = caseFiles;
        this.view = view;
        this.position = position;
        this.choices = choices;
        this.download = download;
    }

    @GetMapping
    String mine(@RequestParam(name = "side", defaultValue = "1") String page, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("requests", caseFiles.find(user, true, null, null, Order.NEWEST, Paged.requested(page), PAGE_SIZE));
        model.addAttribute("pagerBase", "/anmodninger?side=");
        return "casefile/list";
    }

    /**
     * Everyone's requests, for the expert group (others see their own here too).
     *
     * @param status a {@link RequestStatus} name; unknown values show all
     * @param sort   "frist" for the soonest deadline first, otherwise the newest first
     */
    @GetMapping("/alle")
    String all(@RequestParam(name = "q", defaultValue = "") String text,
               @RequestParam(name = "status", defaultValue = "") String status,
               @RequestParam(name = "sort", defaultValue = "") String sort,
               @RequestParam(name = "side", defaultValue = "1") String page,
               Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        RequestStatus chosen = parseStatus(status);
        Order order = "frist".equals(sort) ? Order.DEADLINE : Order.NEWEST;
        model.addAttribute("requests", caseFiles.find(user, false, chosen, text, order, Paged.requested(page), PAGE_SIZE));
        model.addAttribute("text", text.strip());
        model.addAttribute("status", chosen);
        model.addAttribute("sort", order == Order.DEADLINE ? "frist" : "");
        model.addAttribute("statuses", choices.of("status.", RequestStatus.values()));
        model.addAttribute("pagerBase", UriComponentsBuilder.fromPath("/anmodninger/alle").queryParam("q", text.strip())
                .queryParam("status", chosen == null ? "" : chosen.name()).queryParam("sort", order == Order.DEADLINE ? "frist" : "")
                .encode().toUriString() + "&side=");
        return "casefile/all";
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

    @GetMapping("/{id}/bilag/{attachmentId}")
    ResponseEntity<StreamingResponseBody> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                                     Authentication authentication) {
        return download.of(caseFiles.readableAttachment(id, attachmentId, CurrentUser.of(authentication)));
    }

    /** The deployed BPMN for the process picture. */
    @GetMapping(value = "/{id}/proces.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> processModel(@PathVariable UUID id, Authentication authentication) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(position.model(id, CurrentUser.of(authentication)));
    }

    private static RequestStatus parseStatus(String status) {
        try {
            return status.isBlank() ? null : RequestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
