package dk.indkoebsscreening.triage;

import java.util.UUID;

/** The requester answered the coordinator's question, so the request waits for triage again; published in the answer's transaction. */
public record QuestionAnswered(UUID requestId, String answer) {
}
