package dk.indkoebsscreening.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.Map;

/** The ratings as the request's {@code expected_benefits} column keeps them: {@code {"WELL_BEING": "HIGH", …}}. */
final class BenefitRatingsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<EnumMap<BenefitCriterion, BenefitRating>> RATINGS = new TypeReference<>() {
    };

    private BenefitRatingsJson() {
    }

    static String write(Map<BenefitCriterion, BenefitRating> ratings) {
        try {
            return JSON.writeValueAsString(ratings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("enum names are always JSON", e);
        }
    }

    static Map<BenefitCriterion, BenefitRating> read(String json) {
        try {
            return JSON.readValue(json, RATINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("expected_benefits holds only what write() wrote", e);
        }
    }
}
