package dk.indkoebsscreening.process;

/** An area's verdict, and also the outcome of the whole decision. */
public enum Verdict {
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REJECTED
}
