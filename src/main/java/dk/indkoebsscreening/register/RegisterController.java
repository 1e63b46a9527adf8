package dk.indkoebsscreening.register;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.request.DuplicateCheck;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import dk.indkoebsscreening.system.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The system register as JSON: everyone logged in reads and checks for duplicates; coordinators change it. */
@RestController
@Tag(name = "System register", description = "The municipality's IT systems: read by everyone, changed by coordinators.")
@RequestMapping("/api/register")
class RegisterController {

    static final int PAGE_SIZE = 50;

    /** The renewals due the API lists: more than a municipality has due at once. */
    private static final int RENEWALS_SHOWN = 200;

    private final SystemRegister register;
    private final SimilarSystems similar;
    private final FormBinder binder;
    private final Renewals renewals;

    RegisterController(SystemRegister register, SimilarSystems similar, FormBinder binder, Renewals renewals) {
        this.register = register;
        this.similar = similar;
        this.binder = binder;
        this.renewals = renewals;
    }

    @Operation(operationId = "searchRegister", summary = "Search the system register", description = """
            Words in name, local name, vendor, department or local id; retired systems only with `includeRetired`.""")
    @GetMapping
    Paged<RegisteredSystem> search(@RequestParam(name = "q", required = false) String text,
                                   @RequestParam(name = "includeRetired", defaultValue = "false") boolean includeRetired,
                                   @Parameter(description = "From 1 to the last page; beyond it `400` `page-out-of-range`.",
                                           schema = @Schema(type = "integer", format = "int32", minimum = "1", defaultValue = "1"))
                                   @RequestParam(name = "page", defaultValue = "1") int page) {
        return register.search(text, includeRetired, page, PAGE_SIZE).requirePage(page);
    }

    /** The duplicate check of the request form: systems and requests like the system typed so far. */
    @Operation(operationId = "similarSystems", summary = "Systems and requests like this one", description = "The request form's duplicate check: five of each, most alike first.")
    @GetMapping("/similar")
    DuplicateCheck.Matches similar(@RequestParam(name = "systemName", defaultValue = "") String systemName,
                                   @RequestParam(name = "vendor", required = false) String vendor,
                                   Authentication authentication) {
        return similar.like(systemName, vendor, null, CurrentUser.of(authentication));
    }

    @Operation(operationId = "renewalsDue", summary = "Contracts due for renewal", description = """
            Systems in use whose contract's notice deadline (`contractEnd` less `noticeMonths`) is within the lead time \
            (`indkoeb.renewal.lead-time`, 6 months by default) or has passed while the contract runs, and whose renewal the \
            coordinators have not decided for this contract end; the soonest notice deadline first, at most 200.""")
    @GetMapping("/renewals")
    List<Renewals.Due> renewalsDue() {
        return renewals.due(RENEWALS_SHOWN);
    }

    @Operation(operationId = "registeredSystem", summary = "One registered system")
    @GetMapping("/{id}")
    RegisteredSystem find(@PathVariable UUID id) {
        return register.find(id);
    }

    @Operation(operationId = "registerSystem", summary = "Register a system", description = "Coordinators only; only `name` is required.")
    @ApiResponse(responseCode = "201", description = "Registered; `Location` is its address.")
    @PostMapping
    ResponseEntity<RegisteredSystem> add(@BindsTo(SystemForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        RegisteredSystem system = register.add(binder.bind(body, SystemForm.class), CurrentUser.of(authentication));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(system.id()))
                .body(system);
    }

    @Operation(operationId = "correctSystem", summary = "Correct a registered system", description = "Coordinators only.")
    @PutMapping("/{id}")
    RegisteredSystem update(@PathVariable UUID id, @BindsTo(SystemForm.class) @RequestBody(required = false) JsonNode body, Authentication authentication) {
        return register.update(id, binder.bind(body, SystemForm.class), CurrentUser.of(authentication));
    }

    @Operation(operationId = "retireSystem", summary = "Mark a system as no longer in use", description = "Coordinators only.")
    @PostMapping("/{id}/retire")
    RegisteredSystem retire(@PathVariable UUID id, Authentication authentication) {
        return register.setRetired(id, true, CurrentUser.of(authentication));
    }

    @Operation(operationId = "reactivateSystem", summary = "Mark a retired system as in use again", description = "Coordinators only.")
    @PostMapping("/{id}/reactivate")
    RegisteredSystem reactivate(@PathVariable UUID id, Authentication authentication) {
        return register.setRetired(id, false, CurrentUser.of(authentication));
    }

    /** A KITOS export (XLSX or CSV) as multipart field {@code file}, with the header X-Requested-By. */
    @Operation(operationId = "importKitos", summary = "Import a KITOS export", description = """
            Coordinators only: the overview of IT systems in use exported from KITOS (XLSX, or CSV), as multipart part `file` \
            with the header `X-Requested-By`. All or nothing: a file with a bad row changes nothing (400 naming the row).""")
    @PostMapping(path = "/import", consumes = "multipart/form-data")
    SystemRegister.ImportResult importKitos(@RequestPart(name = "file", required = false) MultipartFile file,
                                            Authentication authentication) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "register.import.noFile");
        }
        return register.importKitos(Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getBytes(),
                CurrentUser.of(authentication));
    }
}
