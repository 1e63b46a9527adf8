package dk.indkoebsscreening.triage;

import java.util.UUID;

/** The coordinator asked the requester a question at triage; published in the triage's transaction. */
public record QuestionAsked(UUID requestId, String question, String askedBy) {
}
