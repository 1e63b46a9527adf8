package dk.indkoebsscreening.history;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.util.UUID;

/**
 * One step of a request's history.
 *
 * @param actor the user id of who did it; null for what the process did by itself (a timer, the recommendation)
 * @param area  the area it concerns, or null
 * @param value a code that qualifies it: a verdict, a task type, a mail kind; or null
 * @param text  someone's words (comment, question, reason), a file name or a mail's recipient; or null
 */
public record HistoryEntry(long id, UUID requestId, Instant at, HistoryKind kind, String actor, Area area, String value,
                           String text) {
}
