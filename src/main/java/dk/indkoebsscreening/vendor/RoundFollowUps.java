package dk.indkoebsscreening.vendor;

import java.time.Instant;
import java.util.List;

/** A submitted round's follow-up questions with the vendor's answers, for the experts. */
public record RoundFollowUps(int round, Instant submittedAt, List<AnsweredFollowUp> followUps) {

    public RoundFollowUps {
        followUps = List.copyOf(followUps);
    }

    /** @param value null when the vendor left it unanswered or answered with documents only */
    public record AnsweredFollowUp(String id, String text, String value, List<VendorDocument> documents) {

        public AnsweredFollowUp {
            documents = List.copyOf(documents);
        }
    }
}
