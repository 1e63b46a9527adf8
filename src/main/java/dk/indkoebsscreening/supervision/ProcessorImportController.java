package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** KITOS's oversight of the data processing registrations, imported into the registered processors' supervision. */
@RestController
@Tag(name = "Data processors")
@RequestMapping("/api/systems/processors")
class ProcessorImportController {

    private final ProcessorSupervision supervision;

    ProcessorImportController(ProcessorSupervision supervision) {
        this.supervision = supervision;
    }

    /** KITOS's overview of data processing registrations (XLSX or CSV) as multipart field {@code file}, with X-Requested-By. */
    @Operation(operationId = "importKitosOversight", summary = "Import KITOS's oversight of data processing registrations",
            description = """
                    Coordinators and the security group: KITOS's overview "Databehandling" exported to Excel (XLSX, or CSV), as \
                    multipart part `file` with the header `X-Requested-By`. Columns read: `IT Systemer (UUID)` or `IT Systemer`, \
                    `Databehandlere`, `Underdatabehandlere`, `Tilsynsinterval`, `Kommende planlagt tilsyn`, `Seneste tilsyn`. \
                    For each processor registered here under a system of the row, the interval and the next date are filled \
                    where the file has them (the next planned oversight, else the latest plus the interval); `notFound` lists \
                    the processors not registered. All or nothing: a file with a bad row changes nothing (400 naming the row).""")
    @PostMapping(path = "/kitos-import", consumes = "multipart/form-data")
    ProcessorSupervision.OversightImport importKitos(@RequestPart(name = "file", required = false) MultipartFile file,
                                                     Authentication authentication) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "register.import.noFile");
        }
        return supervision.importKitosOversight(Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getBytes(),
                CurrentUser.of(authentication));
    }
}
