package dk.indkoebsscreening.task;

import dk.indkoebsscreening.attachment.Attachment;
import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Adding and removing a request's files through the JSON API (multipart upload, part {@code file}). */
@RestController
@Tag(name = "Requests")
@RequestMapping("/api/requests/{id}/attachments")
class AttachmentController {

    private final AttachmentSteps steps;

    AttachmentController(AttachmentSteps steps) {
        this.steps = steps;
    }

    @Operation(operationId = "addAttachment", summary = "Add a file to a request", description = """
            Multipart, part `file`, with the header `X-Requested-By` (any value: a cross-site form cannot send it); `taskId` \
            when the caller has several tasks on the request. For whoever has an open task on the request, and the requester \
            while it waits for triage (else 403); 413 too large, 415 a type not allowed, 409 once decided.""")
    @ApiResponse(responseCode = "201", description = "Added.")
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<Attachment> add(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                                   @RequestParam(name = "taskId", required = false) String taskId, Authentication authentication) {
        Attachment added = steps.add(id, taskId, upload(file), CurrentUser.of(authentication));
        return ResponseEntity.created(URI.create("/api/requests/" + id + "/attachments/" + added.id())).body(added);
    }

    @Operation(operationId = "removeAttachment", summary = "Remove a file", description = """
            By the one who added it, while the request is open: the content is deleted, the removal recorded.""")
    @ApiResponse(responseCode = "204", description = "Done.")
    @DeleteMapping("/{attachmentId}")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID attachmentId, Authentication authentication) {
        steps.remove(id, attachmentId, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    static Upload upload(MultipartFile file) {
        return new Upload(file.getOriginalFilename(), file.getSize(), file);
    }
}
