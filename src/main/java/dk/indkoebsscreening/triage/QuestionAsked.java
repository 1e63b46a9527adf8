package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.Area;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone asked the requester a question: the coordinator at triage ({@code area} null) or an expert from the
 * screening of {@code area}; published in the question's transaction.
 *
 * @param answerBy the date the requester is asked to answer by
 */
public record QuestionAsked(UUID requestId, String question, String askedBy, Area area, LocalDate answerBy) {
}
