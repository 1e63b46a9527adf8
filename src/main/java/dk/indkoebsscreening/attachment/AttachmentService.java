package dk.indkoebsscreening.attachment;

import dk.indkoebsscreening.events.EventType;
import dk.indkoebsscreening.events.OutboxWriter;
import dk.indkoebsscreening.history.CaseHistory;
import dk.indkoebsscreening.history.HistoryKind;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.NotFoundException;
import dk.indkoebsscreening.system.RefusedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, lists, serves and removes the files of a request. A file is stored with its metadata and its event
 * in one transaction: a refused file, or a step that rolls back, leaves nothing. Who may add a file in which
 * step is the caller's to decide (the request form, the task pages and API); the limits and the type are
 * checked here, whoever calls. A file may be held for someone who has not handed it in yet ({@link #hold}).
 */
@Service("attachments")
public class AttachmentService {

    private final AttachmentRepository attachments;
    private final ContentStore content;
    private final FileTypes types;
    private final AttachmentProperties limits;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final CaseHistory history;

    AttachmentService(AttachmentRepository attachments, ContentStore content, FileTypes types, AttachmentProperties limits,
                      OutboxWriter outbox, Clock clock, CaseHistory history) {
        this.attachments = attachments;
        this.content = content;
        this.types = types;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
        this.history = history;
    }

    /** For the pages' hints ({@code #attachments.maxFileMegabytes()}). */
    public long maxFileMegabytes() {
        return limits.maxFileSize().toMegabytes();
    }

    public long maxPerRequestMegabytes() {
        return limits.maxPerRequest().toMegabytes();
    }

    public int maxFilesPerRequest() {
        return limits.maxFilesPerRequest();
    }

    /**
     * Refuses the files of a new request before the step that would store them begins: their number, sizes, then
     * types. Call it outside any transaction: finding a crafted file's type costs seconds.
     */
    public List<CheckedUpload> check(List<Upload> uploads) {
        checkCount(new AttachmentRepository.Stock(0, 0, 0), uploads.size());
        checkSizes(uploads, 0);
        return uploads.stream().map(upload -> new CheckedUpload(upload, types.of(upload))).toList();
    }

    /** One file, before the step that would add it to a request begins (outside any transaction, as above). */
    public CheckedUpload check(Upload upload) {
        checkSizes(List.of(upload), 0);
        return new CheckedUpload(upload, types.of(upload));
    }

    /** The number of files is bounded as their size is: a decision's event and the report list every one. */
    private void checkCount(AttachmentRepository.Stock stock, int adding) {
        if (stock.files() + adding > limits.maxFilesPerRequest()) {
            throw new RefusedFileException(HttpStatus.CONFLICT, "attachment.tooMany", limits.maxFilesPerRequest());
        }
        if (stock.everAdded() + adding > limits.maxFilesEverAdded()) {
            throw new RefusedFileException(HttpStatus.CONFLICT, "attachment.tooManyEver", limits.maxFilesEverAdded());
        }
    }

    /** Refuses what is certainly too large before anything is read. */
    private void checkSizes(List<Upload> uploads, long alreadyStored) {
        long total = alreadyStored;
        for (Upload upload : uploads) {
            if (upload.size() == 0) {
                throw new RefusedFileException(HttpStatus.BAD_REQUEST, "attachment.empty");
            }
            total += upload.size();
            checkLimits(upload.size(), total);
        }
    }

    /** @param requestTotal all the request's files with this one */
    private void checkLimits(long fileSize, long requestTotal) {
        if (fileSize > limits.maxFileSize().toBytes()) {
            throw new RefusedFileException(HttpStatus.PAYLOAD_TOO_LARGE, "attachment.tooLarge", limits.maxFileSize().toMegabytes());
        }
        if (requestTotal > limits.maxPerRequest().toBytes()) {
            throw new RefusedFileException(HttpStatus.PAYLOAD_TOO_LARGE, "attachment.requestFull", limits.maxPerRequest().toMegabytes());
        }
    }

    @Transactional
    public Attachment add(UUID requestId, String reference, AttachmentStep step, Area area, String addedBy, CheckedUpload checked) {
        Attachment attachment = insert(requestId, step, area, addedBy, checked, null);
        announce(reference, attachment);
        return attachment;
    }

    /**
     * Stores a file for a holder who has not handed it in yet (the vendor's round until it is submitted), under the same
     * rules as {@link #add} and counted in the request's limits, but held: in none of the request's lists, no event, no
     * history (the holder's module tells), until {@link #release} makes it the request's or {@link #discardHeld} deletes it.
     *
     * @param holder an id of the caller's, the same for every file to be released or discarded together
     */
    @Transactional
    public Attachment hold(UUID requestId, UUID holder, AttachmentStep step, Area area, String addedBy, CheckedUpload checked) {
        return insert(requestId, step, area, addedBy, checked, holder);
    }

    /** The holder's files that are still there. */
    public List<Attachment> heldBy(UUID holder) {
        return attachments.heldBy(holder).stream().filter(file -> !file.removed()).toList();
    }

    /**
     * Deletes the content of one of the holder's files; its metadata stays, held, so it still counts among the files ever
     * added to the request (removing does not reset that limit).
     *
     * @throws NotFoundException no such file of the holder's
     */
    @Transactional
    public void removeHeld(UUID requestId, UUID holder, UUID id) {
        attachments.lockRequest(requestId);
        Attachment held = heldBy(holder).stream().filter(file -> file.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No attachment " + id + " held by " + holder));
        content.delete(id);
        attachments.markRemoved(id, held.addedBy(), clock.instant());
    }

    /**
     * Hands the holder's files in: each becomes one of the request's files, added now by {@code addedBy}, with its event
     * and history step as if added now.
     */
    @Transactional
    public List<Attachment> release(UUID requestId, String reference, UUID holder, String addedBy) {
        attachments.lockRequest(requestId);
        Instant now = clock.instant();
        return heldBy(holder).stream().map(held -> {
            attachments.release(held.id(), addedBy, now);
            Attachment released = new Attachment(held.id(), requestId, held.name(), held.size(), held.mediaType(), held.sha256(),
                    addedBy, now, held.step(), held.area(), null, null);
            announce(reference, released);
            return released;
        }).toList();
    }

    /** Deletes the holder's files, content and metadata: they were never handed in. */
    @Transactional
    public void discardHeld(UUID holder) {
        attachments.heldBy(holder).forEach(held -> {
            content.delete(held.id());
            attachments.delete(held.id());
        });
    }

    private Attachment insert(UUID requestId, AttachmentStep step, Area area, String addedBy, CheckedUpload checked, UUID holder) {
        attachments.lockRequest(requestId);
        AttachmentRepository.Stock stock = attachments.stockOf(requestId);
        checkCount(stock, 1);
        long stored = stock.bytes();
        Upload upload = checked.upload();
        checkSizes(List.of(upload), stored);
        String type = checked.mediaType();
        UUID id = UUID.randomUUID();
        Stored written = store(id, upload, stored);
        Attachment attachment = new Attachment(id, requestId, FileNames.safe(upload.name(), type), written.size(), type, written.sha256(),
                addedBy, clock.instant(), step, area, null, null);
        attachments.insert(attachment, holder);
        return attachment;
    }

    private void announce(String reference, Attachment attachment) {
        outbox.append(attachment.requestId(), reference, EventType.ATTACHMENT_ADDED, attachment.addedAt(), AttachmentEvent.of(reference, attachment));
        history.record(attachment.requestId(), HistoryKind.ATTACHMENT_ADDED, attachment.addedBy(), attachment.area(), attachment.step().name(),
                attachment.name());
    }

    /** Every file of the request, removed ones included (they show as removed, without content); none held. */
    public List<Attachment> ofRequest(UUID requestId) {
        return attachments.ofRequest(requestId);
    }

    public Attachment find(UUID requestId, UUID id) {
        return attachments.find(requestId, id).filter(found -> !found.removed())
                .orElseThrow(() -> new NotFoundException("No attachment " + id + " on request " + requestId));
    }

    /** Writes the content chunk by chunk; the caller has checked that the reader may read the request. */
    public void copyContent(Attachment attachment, OutputStream out) throws IOException {
        content.copyTo(attachment.id(), out);
    }

    /** Only the one who added a file removes it; the caller has checked that the request is still open. */
    @Transactional
    public Attachment remove(UUID requestId, String reference, UUID id, String user) {
        attachments.lockRequest(requestId);
        Attachment attachment = find(requestId, id);
        if (!attachment.addedBy().equals(user)) {
            throw new AccessDeniedException(user + " did not add attachment " + id);
        }
        Instant now = clock.instant();
        content.delete(id);
        attachments.markRemoved(id, user, now);
        Attachment removed = new Attachment(attachment.id(), requestId, attachment.name(), attachment.size(), attachment.mediaType(),
                attachment.sha256(), attachment.addedBy(), attachment.addedAt(), attachment.step(), attachment.area(), user, now);
        outbox.append(requestId, reference, EventType.ATTACHMENT_REMOVED, now, AttachmentEvent.of(reference, removed));
        history.record(requestId, HistoryKind.ATTACHMENT_REMOVED, user, removed.area(), removed.step().name(), removed.name());
        return removed;
    }

    private record Stored(long size, String sha256) {
    }

    /** Streams the content into chunks, hashing and counting; more than the limits allow rolls it all back. */
    private Stored store(UUID id, Upload upload, long alreadyStored) {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[AttachmentRepository.CHUNK_BYTES];
        ContentStore.Writer writer = content.writer(id);
        try (InputStream in = upload.content().getInputStream()) {
            int filled;
            while ((filled = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                size += filled;
                checkLimits(size, alreadyStored + size);
                sha256.update(buffer, 0, filled);
                writer.write(Arrays.copyOf(buffer, filled));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw new RefusedFileException(HttpStatus.BAD_REQUEST, "attachment.empty");
        }
        return new Stored(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
