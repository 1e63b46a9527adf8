package dk.indkoebsscreening.request;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/requests")
class RequestController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final RequestService requests;
    private final FormBinder binder;

    RequestController(RequestService requests, FormBinder binder) {
        this.requests = requests;
        this.binder = binder;
    }

    /**
     * @param idempotencyKey optional: a repeat with the same key and content gets the same request (and
     *                       {@code Idempotent-Replayed: true}); the key again with other content is a 422
     */
    @PostMapping
    ResponseEntity<Receipt> submit(@RequestBody(required = false) JsonNode body,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                   Authentication authentication) {
        if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
            throw InvalidInputException.of(IDEMPOTENCY_KEY, "submission.keyInvalid");
        }
        RequestService.Submission submission = requests.submit(binder.bind(body, PurchaseRequestForm.class),
                authentication.getName(), idempotencyKey);
        PurchaseRequest request = submission.request();
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(request.id()))
                .header("Idempotent-Replayed", Boolean.toString(submission.repeated()))
                .body(new Receipt(request.id(), request.reference(), request.status(), request.deadline()));
    }

    @GetMapping("/{id}")
    RequestDetails details(@PathVariable UUID id, Authentication authentication) {
        return requests.details(id, CurrentUser.of(authentication));
    }

    @GetMapping
    List<RequestSummary> list(@RequestParam(defaultValue = "false") boolean mine,
                              @RequestParam(defaultValue = "200") int limit,
                              Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        int bounded = Math.min(Math.max(limit, 1), 1000);
        return mine ? requests.mine(user, bounded) : requests.visibleTo(user, bounded);
    }

    record Receipt(UUID id, String reference, RequestStatus status, Instant deadline) {
    }
}
