package dk.indkoebsscreening.process;

public enum TriageOutcome {
    ACCEPT,
    NEED_MORE_INFORMATION,
    REJECT
}
