package dk.indkoebsscreening.attachment;

/**
 * A file whose size was checked and whose type was found from its content ({@link AttachmentService#check}) before
 * the step that stores it began: reading a crafted file costs seconds, which must hold no connection and no lock.
 *
 * @param mediaType the allowed type found in the content
 */
public record CheckedUpload(Upload upload, String mediaType) {
}
