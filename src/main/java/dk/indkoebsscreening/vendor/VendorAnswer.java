package dk.indkoebsscreening.vendor;

import java.time.Instant;
import java.util.List;

/**
 * The vendor's answer to one question of one round.
 *
 * @param value   null when the question is answered by documents only
 * @param savedAt when the value was last saved; null when there are documents only
 */
public record VendorAnswer(String questionId, String value, List<VendorDocument> documents, Instant savedAt) {

    public VendorAnswer {
        documents = List.copyOf(documents);
    }
}
