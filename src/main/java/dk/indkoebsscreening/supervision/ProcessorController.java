package dk.indkoebsscreening.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A registered system's data processors and their supervision as JSON: everyone logged in reads them; coordinators and
 * the security group change them. A supervision is recorded by completing its task ({@code POST /api/tasks/{id}/complete}).
 */
@RestController
@Tag(name = "Data processors", description = "The data processors of a registered system and their supervision (GDPR art. 28).")
@RequestMapping("/api/systems/{systemId}/processors")
class ProcessorController {

    private final ProcessorSupervision supervision;
    private final FormBinder binder;

    ProcessorController(ProcessorSupervision supervision, FormBinder binder) {
        this.supervision = supervision;
        this.binder = binder;
    }

    @Operation(operationId = "dataProcessors", summary = "A system's data processors",
            description = "Those still processing first, then the removed ones (`removedAt`), each with the next supervision (`nextDue`).")
    @GetMapping
    List<DataProcessor> processors(@PathVariable UUID systemId) {
        return supervision.processorsOf(systemId);
    }

    @Operation(operationId = "supervisions", summary = "A system's supervisions of its data processors",
            description = "Newest first. Experts, coordinators and administrators: a result may be a security finding.")
    @GetMapping("/supervisions")
    List<Supervision> supervisions(@PathVariable UUID systemId, Authentication authentication) {
        supervision.processorsOf(systemId);
        return supervision.supervisionsOf(systemId, CurrentUser.of(authentication));
    }

    @Operation(operationId = "dataProcessor", summary = "One data processor of a system")
    @GetMapping("/{processorId}")
    DataProcessor processor(@PathVariable UUID systemId, @PathVariable UUID processorId) {
        return supervision.find(systemId, processorId);
    }

    @Operation(operationId = "addDataProcessor", summary = "Add a data processor", description = """
            Coordinators and the security group. The system must be in use and not registered as processing no personal \
            data. Its supervision starts: on `nextDue` the security group gets a task.""")
    @ApiResponse(responseCode = "201", description = "Added; `Location` is its address.")
    @PostMapping
    ResponseEntity<DataProcessor> add(@PathVariable UUID systemId,
                                      @BindsTo(ProcessorForm.class) @RequestBody(required = false) JsonNode body,
                                      Authentication authentication) {
        DataProcessor processor = supervision.add(systemId, binder.bind(body, ProcessorForm.class), CurrentUser.of(authentication));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(processor.id()))
                .body(processor);
    }

    @Operation(operationId = "correctDataProcessor", summary = "Correct a data processor", description = """
            Coordinators and the security group. A new `nextDue` moves the waiting supervision; a new interval counts from \
            the next supervision recorded.""")
    @PutMapping("/{processorId}")
    DataProcessor update(@PathVariable UUID systemId, @PathVariable UUID processorId,
                         @BindsTo(ProcessorForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        return supervision.update(systemId, processorId, binder.bind(body, ProcessorForm.class), CurrentUser.of(authentication));
    }

    @Operation(operationId = "removeDataProcessor", summary = "Remove a data processor", description = """
            Coordinators and the security group: it no longer processes for the system. Its supervision ends (an open task \
            with it); its supervisions are kept.""")
    @PostMapping("/{processorId}/remove")
    DataProcessor remove(@PathVariable UUID systemId, @PathVariable UUID processorId, Authentication authentication) {
        return supervision.remove(systemId, processorId, CurrentUser.of(authentication));
    }
}
