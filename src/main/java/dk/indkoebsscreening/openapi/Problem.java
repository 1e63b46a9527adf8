package dk.indkoebsscreening.openapi;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The schema of every error the JSON API answers, as the document describes it: the shape {@code system.ApiExceptionHandler}
 * and the security filters write is held to it by the contract tests, not by sharing this class, so that the document
 * says what callers get rather than what a class happens to contain.
 */
@Schema(name = "Problem", description = """
        An RFC 9457 problem (`application/problem+json`, whatever the `Accept` header asks for). `title` and `detail` \
        are Danish, English when the request's `Accept-Language` asks for it.""",
        requiredProperties = {"type", "title", "status", "detail", "errors"})
record Problem(
        @Schema(description = """
                `about:blank` where the status says it all (401, 403, 404, 405, 406, 413, 415, 429, 503, and 400 for a \
                request refused before it is read: a malformed address, too many parameters); otherwise one of our own: \
                `urn:indkoebsscreening:problem:` followed by `invalid-input` (400, see `errors`), `unreadable-body` (400), \
                `page-out-of-range` (400), `refused-file` (400, 409 too many files, 413, 415), `illegal-transition` \
                (409, the request's state does not allow it), `conflict` (409, someone else changed it first) or \
                `repeated-input` (422, an `Idempotency-Key` used again with other content).""",
                example = "urn:indkoebsscreening:problem:invalid-input")
        URI type,
        @Schema(description = "A short summary of the problem type; for `about:blank` the status's meaning.",
                example = "Ugyldigt input")
        String title,
        @Schema(description = "The HTTP status, repeated.", example = "400")
        int status,
        @Schema(description = "What went wrong with this request.", example = "Nogle felter er ikke udfyldt korrekt.")
        String detail,
        @Schema(description = """
                The path of the request that went wrong. Absent when the server refused the request line itself \
                (malformed encoding such as `%ZZ`, an encoded slash): that path is not echoed back.""",
                format = "uri-reference", example = "/api/requests")
        String instance,
        @ArraySchema(schema = @Schema(implementation = FieldProblem.class),
                arraySchema = @Schema(description = "One entry per field at fault; empty when no field is."))
        List<FieldProblem> errors) {

    @Schema(name = "FieldProblem", requiredProperties = {"field", "message"})
    record FieldProblem(
            @Schema(description = "The field as a dotted path into the body (`checklist.dpiaNeeded`), or the parameter or header.",
                    example = "oneOffCostDkk")
            String field,
            @Schema(description = "What is wrong with it, in the caller's language.", example = "Beløbet kan ikke være negativt.")
            String message) {
    }
}
