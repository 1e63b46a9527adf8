package dk.indkoebsscreening.scope;

/** What the scope table found about a request, for the experts and for downstream systems (events). */
public enum ScopeFlag {
    /** Sensitive data, CPR numbers or ordinary personal data of many users: a DPIA is likely needed. */
    DPIA_LIKELY,
    /** Hosted outside the EU/EEA: a transfer basis and a transfer risk assessment are needed. */
    THIRD_COUNTRY_TRANSFER,
    /** The lifetime value is above the EU threshold in force on the submission day. */
    EU_TENDER_REQUIRED,
    /** No EU threshold is configured for the submission day: whether a tender is required is unknown. */
    EU_THRESHOLD_UNKNOWN,
    /** A framework agreement (e.g. SKI 02.19 for SaaS specialist systems) should be checked before buying. */
    FRAMEWORK_AGREEMENT,
    /** No personal data, no integrations, low value: only the areas the fast track names screen it. */
    FAST_TRACK
}
