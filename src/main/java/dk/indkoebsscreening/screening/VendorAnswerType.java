package dk.indkoebsscreening.screening;

/** How the vendor answers a question of the checklist that is put to them. */
public enum VendorAnswerType {
    /** {@code YES} or {@code NO}. */
    YES_NO,
    /** One of the question's {@link VendorOption options}, by its value. */
    CHOICE,
    /** Free text. */
    TEXT,
    /** One or more files (a certificate, an assurance report); no value. */
    DOCUMENT
}
