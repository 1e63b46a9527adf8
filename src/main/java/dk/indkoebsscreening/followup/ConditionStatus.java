package dk.indkoebsscreening.followup;

/** Where a condition of an approval stands; its Danish name is {@code conditionStatus.<name>} in the UI bundle. */
public enum ConditionStatus {
    /** Set at the decision, waiting for its owner. */
    OPEN,
    /** The owner reported it fulfilled; waiting for whoever set it to verify. */
    REPORTED,
    VERIFIED,
    /** The verifier did not accept the report; back with its owner, with the reason. */
    SENT_BACK,
    /** A coordinator let it go, with a reason. */
    WAIVED,
    /** Open or sent back past its due date; its owner may still report it. */
    OVERDUE;

    /** Verified or waived: nothing more to do about it. */
    public boolean settled() {
        return this == VERIFIED || this == WAIVED;
    }

    /** Whose turn it is: the owner's while open, sent back or overdue. */
    public boolean withOwner() {
        return this == OPEN || this == SENT_BACK || this == OVERDUE;
    }
}
