package dk.indkoebsscreening.request;

public enum RequestStatus {
    IN_TRIAGE,
    AWAITING_INFORMATION,
    IN_SCREENING,
    AWAITING_DECISION,
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REJECTED;

    public boolean isDecided() {
        return this == APPROVED || this == APPROVED_WITH_CONDITIONS || this == REJECTED;
    }
}
