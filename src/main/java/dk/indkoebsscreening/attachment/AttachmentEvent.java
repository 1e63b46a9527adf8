package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.util.UUID;

/**
 * The payload of {@code attachment.added} and {@code attachment.removed}: the file's metadata, never its
 * content, which a case or journal system fetches through the API with its own login.
 */
public record AttachmentEvent(UUID requestId, String reference, FileInfo attachment) {

    /** A file as events name it (also in {@code decision.made.v1}). */
    public record FileInfo(UUID id, String name, String mediaType, long size, String sha256, AttachmentStep step, Area area,
                           String addedBy, Instant addedAt, String removedBy, Instant removedAt) {

        public static FileInfo of(Attachment attachment) {
            return new FileInfo(attachment.id(), attachment.name(), attachment.mediaType(), attachment.size(), attachment.sha256(),
                    attachment.step(), attachment.area(), attachment.addedBy(), attachment.addedAt(), attachment.removedBy(),
                    attachment.removedAt());
        }
    }

    static AttachmentEvent of(String reference, Attachment attachment) {
        return new AttachmentEvent(attachment.requestId(), reference, FileInfo.of(attachment));
    }
}
