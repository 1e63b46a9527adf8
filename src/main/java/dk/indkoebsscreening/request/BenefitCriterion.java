package dk.indkoebsscreening.request;

/**
 * The criteria municipalities' digitalisation pools rate a project's expected benefits by (e.g. Favrskov's
 * "Digitaliseringsbank"), each rated {@link BenefitRating high, medium or low}. In the order the pages show them.
 */
public enum BenefitCriterion {
    WELL_BEING,
    EFFICIENCY,
    CITIZEN_QUALITY,
    INFORMATION_SECURITY,
    SCALABILITY
}
