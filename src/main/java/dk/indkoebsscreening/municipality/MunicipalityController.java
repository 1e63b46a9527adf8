package dk.indkoebsscreening.municipality;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The municipalities and their settings as JSON, for the installation's administrators only (SecurityConfiguration). */
@RestController
@Tag(name = "Municipalities", description = "For the installation's administrators: the municipalities it serves and their settings.")
@RequestMapping("/api/municipalities")
class MunicipalityController {

    private final Municipalities municipalities;
    private final MunicipalitySettings settings;
    private final FormBinder binder;

    MunicipalityController(Municipalities municipalities, MunicipalitySettings settings, FormBinder binder) {
        this.municipalities = municipalities;
        this.settings = settings;
        this.binder = binder;
    }

    @Operation(operationId = "municipalities", summary = "The municipalities", description = "By name.")
    @GetMapping
    List<Municipality> all() {
        return municipalities.all();
    }

    @Operation(operationId = "municipality", summary = "One municipality's settings")
    @GetMapping("/{id}")
    Municipality find(@PathVariable String id) {
        return municipalities.byId(id);
    }

    @Operation(operationId = "createMunicipality", summary = "Add a municipality", description = """
            `id` (chosen once: a-z, digits, hyphens), `name`, `mailSender`, `dpiaMinUsers`, `fastTrackMaxValueDkk` and \
            `eventsSource` are required; 400 per field otherwise, and when the id is taken. It takes effect at once.""")
    @ApiResponse(responseCode = "201", description = "Added; `Location` is its address.")
    @PostMapping
    ResponseEntity<Municipality> create(@BindsTo(MunicipalityForm.class) @RequestBody(required = false) JsonNode body) {
        Municipality created = settings.create(binder.bind(body, MunicipalityForm.class, MunicipalitySettings::rules));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .body(created);
    }

    @Operation(operationId = "updateMunicipality", summary = "Change a municipality's settings", description = """
            All settings at once, as for adding one; `id` may be left out or repeated, not changed.""")
    @PutMapping("/{id}")
    Municipality update(@PathVariable String id, @BindsTo(MunicipalityForm.class) @RequestBody(required = false) JsonNode body) {
        municipalities.byId(id);
        return settings.update(id, binder.bind(body, MunicipalityForm.class, MunicipalitySettings::rules));
    }
}
