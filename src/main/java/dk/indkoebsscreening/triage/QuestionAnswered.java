package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.Area;
import java.util.UUID;

/**
 * The requester answered a question; published in the answer's transaction. The coordinator's ({@code area} null)
 * sends the request back to triage; an expert's lands on the screening of {@code area}, which went on meanwhile.
 *
 * @param askedBy who asked, and so who waits for the answer
 */
public record QuestionAnswered(UUID requestId, String answer, Area area, String question, String askedBy) {
}
