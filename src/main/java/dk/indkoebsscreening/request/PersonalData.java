package dk.indkoebsscreening.request;

/** Which personal data the system processes, in the categories of GDPR and Danish law. */
public enum PersonalData {
    NONE,
    ORDINARY,
    /** Special categories under GDPR article 9 (health, union membership, ...). */
    SENSITIVE,
    /** CPR numbers, which Danish law (databeskyttelsesloven § 11) treats separately. */
    CPR
}
