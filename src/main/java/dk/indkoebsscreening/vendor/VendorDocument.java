package dk.indkoebsscreening.vendor;

import java.util.UUID;

/** A file the vendor added to a question; stored as one of the request's attachments. */
public record VendorDocument(UUID attachmentId, String questionId, String fileName, long size) {
}
