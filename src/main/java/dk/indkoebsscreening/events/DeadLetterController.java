package dk.indkoebsscreening.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Administration", description = "For administrators: the events set aside, and the login delays.")
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

    @Operation(operationId = "deadLetters", summary = "The events set aside", description = "Without payloads: why, since when and how many events wait behind each.")
    @GetMapping
    Listing setAside() {
        return new Listing(deadLetters.setAside(), deadLetters.count(), deadLetters.maxRecordBytes());
    }

    /** The payload as the relay would send it, to correct. */
    @Operation(operationId = "deadLetterPayload", summary = "The payload of an event set aside", description = "As the relay would send it, to correct.")
    @ApiResponse(responseCode = "200", description = "The event's data, a JSON object valid against its type's schema, or not.",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @GetMapping("/{id}/payload")
    ResponseEntity<String> payload(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(deadLetters.payloads(id).current());
    }

    @Operation(operationId = "resendDeadLetter", summary = "Send an event set aside again, as it is", description = "409 when it is not set aside.")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/{id}/resend")
    ResponseEntity<Void> resend(@PathVariable UUID id, Authentication authentication) {
        deadLetters.resend(id, authentication.getName());
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "correctDeadLetter", summary = "Send an event set aside again with a corrected payload", description = """
            The body is the payload: a JSON object valid against its type's schema and small enough for Kafka (400 per place in \
            the payload otherwise, nothing changed); 409 when it is not set aside.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PutMapping("/{id}/payload")
    ResponseEntity<Void> replacePayload(@PathVariable UUID id, @RequestBody(required = false) JsonNode payload,
                                        Authentication authentication) {
        deadLetters.replacePayloadAndResend(id, payload, authentication.getName());
        return ResponseEntity.noContent().build();
    }
}
