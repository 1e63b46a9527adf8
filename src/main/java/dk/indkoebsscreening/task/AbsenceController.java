package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own absence: {@code {from, to, standIn}} (ISO dates, both included; the stand-in's user id or null). */
@RestController
@Tag(name = "Absence", description = "The caller's absence: while it lasts their tasks go to the stand-in they named or back to their groups, and none is handed to them.")
@RequestMapping("/api/me/absence")
class AbsenceController {

    private final AbsenceService absences;
    private final FormBinder binder;

    AbsenceController(AbsenceService absences, FormBinder binder) {
        this.absences = absences;
        this.binder = binder;
    }

    @Operation(operationId = "absence", summary = "The caller's absence")
    @ApiResponse(responseCode = "200", description = "The absence.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound", description = "The caller has no absence.")
    @GetMapping
    Absence absence(Authentication authentication) {
        return absences.of(authentication.getName())
                .orElseThrow(() -> new NotFoundException(authentication.getName() + " has marked no absence"));
    }

    @Operation(operationId = "markAbsence", summary = "Set the caller's absence", description = """
            ISO dates, both included, at most a year ahead. `standIn`: a colleague of the caller's groups who is not away then \
            (400 otherwise), or null. The caller's tasks go to the stand-in (where they are a member of the task's group) or back \
            to their groups at once, or within five minutes of its first day.""")
    @PutMapping
    Absence mark(@BindsTo(AbsenceForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        return absences.mark(binder.bind(body, AbsenceForm.class), CurrentUser.of(authentication));
    }

    @Operation(operationId = "clearAbsence", summary = "End the caller's absence")
    @ApiResponse(responseCode = "204", description = "Done.")
    @DeleteMapping
    ResponseEntity<Void> clear(Authentication authentication) {
        absences.clear(CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
