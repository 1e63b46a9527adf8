package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/requests/{id}/fast-track/step-in}: a coordinator takes a fast track's decision from the rules. */
@RestController
@Tag(name = "Requests")
class FastTrackController {

    private final TriageService triage;

    FastTrackController(TriageService triage) {
        this.triage = triage;
    }

    @Operation(operationId = "stepInOnFastTrack", summary = "Decide a fast track yourself", description = """
            By a coordinator, while a fast track that the rules would decide is being screened: the decision comes to the \
            coordinators' decision task however the areas judge it. Recorded in the history. 409 when the rules would \
            not decide it (not a fast track, already stepped in, screened or decided), 403 for everyone but the \
            coordinators who may read it, 404 for whoever may not read it.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PostMapping("/api/requests/{id}/fast-track/step-in")
    ResponseEntity<Void> stepIn(@PathVariable UUID id, Authentication authentication) {
        triage.stepIn(id, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
