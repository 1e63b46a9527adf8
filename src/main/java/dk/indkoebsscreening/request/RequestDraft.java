package dk.indkoebsscreening.request;

import java.time.Instant;
import java.util.UUID;

/**
 * A requester's unfinished request form, listed under "Mine anmodninger".
 *
 * @param title the title (or system) typed so far, null when none yet
 */
public record RequestDraft(UUID id, String author, String title, RequestDraftContent content, Instant createdAt, Instant updatedAt) {
}
