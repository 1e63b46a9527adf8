package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a request. The content is stored apart and read through {@link AttachmentService}.
 *
 * @param name      the file name as shown and downloaded, made safe ({@link FileNames})
 * @param mediaType the media type found in the content, one of {@link FileTypes#ALLOWED}
 * @param sha256    hex digest of the content, for a journal system to check what it fetched
 * @param area      the screened area for {@link AttachmentStep#SCREENING}, else null
 * @param removedAt when the one who added it removed it (the content is then deleted), else null
 */
public record Attachment(UUID id, UUID requestId, String name, long size, String mediaType, String sha256, String addedBy,
                         Instant addedAt, AttachmentStep step, Area area, String removedBy, Instant removedAt) {

    public boolean removed() {
        return removedAt != null;
    }

    /** "PDF", "Word", ...: the type as a person knows it. */
    public String typeName() {
        return FileTypes.ALLOWED.getOrDefault(mediaType, mediaType);
    }
}
