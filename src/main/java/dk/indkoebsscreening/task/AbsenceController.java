package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own absence: {@code {from, to}} (ISO dates, both included). */
@RestController
@RequestMapping("/api/me/absence")
class AbsenceController {

    private final AbsenceService absences;
    private final FormBinder binder;

    AbsenceController(AbsenceService absences, FormBinder binder) {
        this.absences = absences;
        this.binder = binder;
    }

    /** None marked is a 404 problem, like every other error of the API. */
    @GetMapping
    Absence absence(Authentication authentication) {
        return absences.of(authentication.getName())
                .orElseThrow(() -> new NotFoundException(authentication.getName() + " has marked no absence"));
    }

    @PutMapping
    Absence mark(@BindsTo(AbsenceForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        return absences.mark(binder.bind(body, AbsenceForm.class), CurrentUser.of(authentication));
    }

    @DeleteMapping
    ResponseEntity<Void> clear(Authentication authentication) {
        absences.clear(CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
