package dk.indkoebsscreening.request;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Submitting a request through the JSON API; reading requests back is the case file's (CaseFileController). */
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
    ResponseEntity<Receipt> submit(@BindsTo(PurchaseRequestForm.class) @RequestBody(required = false) JsonNode body,
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

    record Receipt(UUID id, String reference, RequestStatus status, Instant deadline) {
    }
}
