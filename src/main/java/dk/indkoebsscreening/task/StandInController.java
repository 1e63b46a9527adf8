package dk.indkoebsscreening.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The coordinators' view of who covers each group, and the groups' temporary stand-ins. */
@RestController
@Tag(name = "Stand-ins", description = "For coordinators: groups left without anyone before a deadline, who is away, and temporary stand-ins for a group.")
@RequestMapping("/api/stand-ins")
class StandInController {

    private final GroupCover cover;
    private final FormBinder binder;

    StandInController(GroupCover cover, FormBinder binder) {
        this.cover = cover;
        this.binder = binder;
    }

    @Operation(operationId = "cover", summary = "Warnings, stand-ins and absences", description = """
            `warnings`: the groups whose members are all away before an open task's deadline with no stand-in covering them; \
            `standIns`: the groups' stand-ins in force, to come, or over within the last month; `absences`: who is or will be \
            away, with the stand-in each named. For coordinators (403 otherwise).""")
    @GetMapping
    GroupCover.Overview overview(Authentication authentication) {
        return cover.overview(CurrentUser.of(authentication));
    }

    @Operation(operationId = "appointStandIn", summary = "Appoint a temporary stand-in for a group", description = """
            `{group, username, from, to}` (ISO dates, both included, at most a year ahead). The stand-in must take part in \
            screening (a coordinator or an expert of any area: they may read every request), not be a member of the group, \
            not be away in the period and not stand in for the group already on one of its days (400 otherwise). While the period lasts they get the group's open tasks as a member \
            would; after it, the tasks they took go back to the group. For coordinators (403 otherwise).""")
    @ApiResponse(responseCode = "200", description = "The stand-in.")
    @PostMapping
    GroupStandIn appoint(@BindsTo(StandInForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        return cover.appoint(binder.bind(body, StandInForm.class), CurrentUser.of(authentication));
    }

    @Operation(operationId = "endStandIn", summary = "End a group's stand-in now", description = """
            The tasks they took go back to the group. One whose last day has passed, or that was ended already, stays as it \
            was. For coordinators (403 otherwise).""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound", description = "No such stand-in.")
    @PostMapping("/{id}/end")
    ResponseEntity<Void> end(@PathVariable UUID id, Authentication authentication) {
        cover.end(id, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
