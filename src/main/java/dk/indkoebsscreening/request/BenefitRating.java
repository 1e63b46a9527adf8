package dk.indkoebsscreening.request;

/** How much a purchase is expected to give on a {@link BenefitCriterion}: "Høj", "Middel", "Lav". */
public enum BenefitRating {
    HIGH,
    MEDIUM,
    LOW
}
