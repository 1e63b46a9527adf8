package dk.indkoebsscreening.triage;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A question to the requester, and the answer once given: the coordinator's at triage ({@code area} null) or an
 * expert's from the screening of {@code area}. Names are the people's names for the pages; the ids are the users'.
 *
 * @param answerBy the date the question mail named, null for questions asked before it did
 */
public record Clarification(UUID id, Area area, String question, String askedBy, String askedByName, Instant askedAt,
                            LocalDate answerBy, String answer, String answeredBy, String answeredByName,
                            Instant answeredAt) {

    public boolean open() {
        return answeredAt == null;
    }
}
