package dk.indkoebsscreening.request;

/**
 * Who pays, for the purchase or for its operation: several municipalities name unclear funding as what keeps
 * departments from prioritising digital work, and the steering group sums approved purchases by it.
 */
public enum FundingSource {
    /** The requesting department's own budget. */
    DEPARTMENT,
    /** The IT department's budget. */
    IT,
    /** A pool of the municipality (a "digitaliseringsbank", a technology pool): named. */
    POOL,
    /** Money from outside the municipality (a foundation, a state pool, EU funds): named. */
    EXTERNAL;

    /** A pool or outside money is named, so the steering group can tell one pool from another. */
    public boolean named() {
        return this == POOL || this == EXTERNAL;
    }
}
