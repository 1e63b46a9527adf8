package dk.indkoebsscreening.notification;

/** What a mail tells; its texts are {@code mail.<key>.*} in {@code mails.properties}. */
enum MailKind {
    TRIAGE_NEEDED("triageNeeded"),
    TRIAGE_AGAIN("triageAgain"),
    QUESTION("question"),
    SCREENING_OPENED("screeningOpened"),
    SCREENING_STARTED("screeningStarted"),
    REMINDER("reminder"),
    ESCALATION("escalation"),
    DECISION_NEEDED("decisionNeeded"),
    DECISION("decision"),
    WITHDRAWN("withdrawn"),
    TASK_ASSIGNED("taskAssigned"),
    /** About a registered system, not a request: its contract comes up for renewal. */
    RENEWAL("renewal");

    private final String key;

    MailKind(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** A person may turn off every mail but the reminder of a deadline and a question to them (the request waits). */
    boolean optional() {
        return this != REMINDER && this != QUESTION;
    }

    /** Whether the mail is about a request (its history tells it was sent); else about a registered system. */
    boolean aboutRequest() {
        return this != RENEWAL;
    }

    boolean toRequester() {
        return this == QUESTION || this == SCREENING_STARTED || this == DECISION;
    }
}
