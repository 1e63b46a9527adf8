package dk.indkoebsscreening.request;

import com.fasterxml.jackson.databind.JsonNode;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.BindsTo;
import dk.indkoebsscreening.system.FormBinder;
import dk.indkoebsscreening.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Submitting a request through the JSON API; reading requests back is the case file's (CaseFileController). */
@RestController
@Tag(name = "Requests", description = "Purchase requests: submit, read, search, withdraw, files and the screening report.")
@RequestMapping("/api/requests")
class RequestController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final RequestService requests;
    private final FormBinder binder;
    private final VendorContacts vendorContacts;

    RequestController(RequestService requests, FormBinder binder, VendorContacts vendorContacts) {
        this.requests = requests;
        this.binder = binder;
        this.vendorContacts = vendorContacts;
    }

    /**
     * @param idempotencyKey optional: a repeat with the same key and content gets the same request (and
     *                       {@code Idempotent-Replayed: true}); the key again with other content is a 422
     */
    @Operation(operationId = "submitRequest", summary = "Submit a purchase request", description = """
            Any logged-in staff member submits a wish to buy an IT system; the screening starts at once and has one week \
            (5 Danish working days). `transferBasis` is kept only for `CLOUD_OUTSIDE_EU`. The vendor's contact \
            (`vendorContactName`, `vendorContactEmail`) is optional, both or neither. Every field's problem is \
            reported at once (400, `invalid-input`).""")
    @ApiResponse(responseCode = "201", description = "Submitted; `Location` is the request's address.", headers = {
            @Header(name = "Location", description = "`/api/requests/{id}`", schema = @Schema(type = "string")),
            @Header(name = "Idempotent-Replayed", description = "`true` when an earlier submission with the same key is answered again.",
                    schema = @Schema(type = "boolean"))},
            content = @Content(schema = @Schema(implementation = Receipt.class), examples = @ExampleObject(name = "submitted", value = """
                    {"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "reference": "IND-2026-0042", "status": "SCREENING",
                     "deadline": "2026-12-14T22:59:59Z"}""")))
    @ApiResponse(responseCode = "422", ref = "#/components/responses/UnprocessableContent")
    @PostMapping
    ResponseEntity<Receipt> submit(@BindsTo(PurchaseRequestForm.class) @RequestBody(required = false)
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                           examples = @ExampleObject(name = "a request", value = """
                                                   {"title": "Tidsbestilling i Borgerservice", "systemName": "BookPlus Borger",
                                                    "vendor": "Eksempel Software A/S", "need": "Borgerne skal kunne booke tid online.",
                                                    "department": "Borgerservice", "oneOffCostDkk": 85000, "annualCostDkk": 60000,
                                                    "contractYears": 4, "expectedUsers": 25, "personalDataCategories": ["ORDINARY", "CPR"],
                                                    "hosting": "CLOUD_EU", "integrations": "MitID", "desiredStartDate": "2027-03-01",
                                                    "vendorContactName": "Sara Jensen", "vendorContactEmail": "sara.jensen@eksempel.dk"}""")))
                                   JsonNode body,
                                   @Parameter(description = """
                                           Optional, 1–255 visible ASCII characters: a repeat with the same key and content gets \
                                           the same request; the key again with other content is a 422.""")
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                   Authentication authentication) {
        if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
            throw InvalidInputException.of(IDEMPOTENCY_KEY, "submission.keyInvalid");
        }
        CurrentUser user = CurrentUser.of(authentication);
        RequestService.Submission submission = requests.submit(binder.bind(body, PurchaseRequestForm.class,
                form -> requests.problems(form, user)), authentication.getName(), idempotencyKey);
        PurchaseRequest request = submission.request();
        return ResponseEntity
                .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(request.id()))
                .header("Idempotent-Replayed", Boolean.toString(submission.repeated()))
                .body(new Receipt(request.id(), request.reference(), request.status(), request.deadline()));
    }

    @Operation(operationId = "changeVendorContact", summary = "Name or change the vendor's contact", description = """
            The requester or a coordinator names the person at the vendor whom the experts may invite to the vendor's \
            questionnaire (an open invitation keeps the address it was sent to). Other readers of the request get 403; \
            a decided or withdrawn request 409. Recorded in the request's history.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @PutMapping("/{id}/vendor-contact")
    ResponseEntity<Void> changeVendorContact(@PathVariable UUID id,
                                             @BindsTo(VendorContact.class) @RequestBody(required = false) JsonNode body,
                                             Authentication authentication) {
        vendorContacts.change(id, binder.bind(body, VendorContact.class), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @Schema(description = "The submitted request: its id (for `/api/requests/{id}`), its reference for people, its status and "
            + "the screening's deadline.", requiredProperties = {"id", "reference", "status"})
    record Receipt(UUID id, String reference, RequestStatus status, Instant deadline) {
    }
}
