package dk.indkoebsscreening.triage;

public enum TriageOutcome {
    ACCEPT,
    NEED_MORE_INFORMATION,
    REJECT
}
