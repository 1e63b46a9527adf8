package dk.indkoebsscreening.request;

public enum RequestStatus {
    IN_TRIAGE,
    AWAITING_INFORMATION,
    IN_SCREENING,
    AWAITING_DECISION,
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REJECTED,
    /** The requester withdrew it before it was decided. */
    WITHDRAWN,
    /** Approved with conditions, and every condition has since been verified or waived. */
    CONDITIONS_MET;

    /** The message key of this status for whoever sees it: a requester is told that the request waits for them. */
    public String messageKey(boolean seenByRequester) {
        return seenByRequester && this == AWAITING_INFORMATION ? "status.own.AWAITING_INFORMATION" : "status." + name();
    }

    public boolean isDecided() {
        return this == APPROVED || this == APPROVED_WITH_CONDITIONS || this == REJECTED || this == CONDITIONS_MET;
    }

    /** Nothing more happens to it: decided or withdrawn. */
    public boolean isClosed() {
        return isDecided() || this == WITHDRAWN;
    }
}
