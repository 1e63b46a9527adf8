package dk.indkoebsscreening.request;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the requester expects the purchase to give: every {@link BenefitCriterion} rated, and a short text. A request
 * submitted before the question was asked, or through the API without it, has none.
 */
public record ExpectedBenefits(Map<BenefitCriterion, BenefitRating> ratings, String description) {

    /** The ratings in the criteria's order, unchangeable. */
    public ExpectedBenefits {
        ratings = Collections.unmodifiableMap(ratings.isEmpty() ? new EnumMap<>(BenefitCriterion.class) : new EnumMap<>(ratings));
    }

    public BenefitRating rating(BenefitCriterion criterion) {
        return ratings.get(criterion);
    }

    /** From the request's columns ({@code expected_benefits}, {@code benefits_description}): null when it did not say. */
    public static ExpectedBenefits ofColumns(String ratingsJson, String description) {
        return ratingsJson == null ? null : new ExpectedBenefits(BenefitRatingsJson.read(ratingsJson), description);
    }
}
