package dk.indkoebsscreening.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events set aside, for administrators' scripts and monitoring: {@code /api/admin/**} is for administrators
 * only (SecurityConfiguration). {@code PUT …/payload} takes the corrected payload itself as the body and re-sends it.
 */
@RestController
@RequestMapping("/api/admin/outbox/dead-letters")
class DeadLetterController {

    /**
     * @param total          events set aside now (items holds the oldest {@value DeadLetters#LISTED})
     * @param maxRecordBytes the producer's limit on one record, which a corrected payload must fit
     */
    record Listing(List<DeadLetter> items, long total, int maxRecordBytes) {
    }

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Listing setAside() {
        return new Listing(deadLetters.setAside(), deadLetters.count(), deadLetters.maxRecordBytes());
    }

    /** The payload as the relay would send it, to correct. */
    @GetMapping("/{id}/payload")
    ResponseEntity<String> payload(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(deadLetters.payloads(id).current());
    }

    @PostMapping("/{id}/resend")
    ResponseEntity<Void> resend(@PathVariable UUID id, Authentication authentication) {
        deadLetters.resend(id, authentication.getName());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/payload")
    ResponseEntity<Void> replacePayload(@PathVariable UUID id, @RequestBody(required = false) JsonNode payload,
                                        Authentication authentication) {
        deadLetters.replacePayloadAndResend(id, payload, authentication.getName());
        return ResponseEntity.noContent().build();
    }
}
