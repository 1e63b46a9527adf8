package dk.indkoebsscreening.triage;

import java.time.Instant;

/** A question from triage to the requester, and the answer once given. */
public record Clarification(String question, String askedBy, Instant askedAt, String answer, String answeredBy,
                            Instant answeredAt) {
}
