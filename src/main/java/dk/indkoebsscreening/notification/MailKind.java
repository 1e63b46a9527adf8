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
    RENEWAL("renewal"),
    /** To a condition's owner, before its due date. */
    CONDITION_REMINDER("conditionReminder"),
    /** To the coordinators: a condition's due date passed. */
    CONDITION_OVERDUE("conditionOverdue"),
    /** To whoever verifies a condition: its owner reported it fulfilled. */
    CONDITION_REPORTED("conditionReported"),
    /** To a condition's owner: the verifier sent it back. */
    CONDITION_SENT_BACK("conditionSentBack"),
    /** To the colleague a condition was handed to. */
    CONDITION_HANDED_OVER("conditionHandedOver"),
    /** To the requester: every condition is met or waived. */
    CONDITIONS_SETTLED("conditionsSettled"),
    /** A data processor's supervision fell due: to the security group. */
    SUPERVISION_DUE("supervisionDue"),
    /** To the expert who asked: the requester answered their question from a screening. */
    QUESTION_ANSWERED("questionAnswered"),
    /** To the requester on submission: the receipt, with the date the decision is expected by. */
    RECEIVED("received"),
    /** To the coordinators: everyone in a group is away before an open task's deadline (once per group and period). */
    GROUP_UNCOVERED("groupUncovered"),
    /** To the coordinators: a fast track went to screening without triage. */
    FAST_TRACK("fastTrack"),
    /** To the coordinators: the rules decided a fast track in their place. */
    DECIDED_BY_RULE("decidedByRule"),
    /** To the vendor's contact, in the invitation's language: the link to the questionnaire (minted when it is sent). */
    VENDOR_INVITATION("vendorInvitation"),
    /** To the vendor's contact before the link expires, unless they submitted. */
    VENDOR_REMINDER("vendorReminder"),
    /** To the requester once the screening's work for them is done: how satisfied they are (two questions). */
    SATISFACTION("satisfaction"),
    /** To the requester who has not answered the survey: its one reminder. */
    SATISFACTION_REMINDER("satisfactionReminder"),
    /** To the expert who invited and the experts of the areas asked: the vendor submitted a round. */
    VENDOR_ANSWERED("vendorAnswered");

    private final String key;

    MailKind(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /**
     * A person may turn off every mail but the reminder of a deadline (the screening's, or a condition's they own), a
     * question to them (the request waits) and the warning that a group has nobody present before a deadline. A vendor's
     * contact has no preferences: the mails to them are their invitation.
     */
    boolean optional() {
        return this != REMINDER && this != QUESTION && this != CONDITION_REMINDER && this != GROUP_UNCOVERED
                && !toVendor();
    }

    /** To a vendor's contact, in the invitation's language, with the link the relay mints when it sends the mail. */
    boolean toVendor() {
        return this == VENDOR_INVITATION || this == VENDOR_REMINDER;
    }

    /** Whether the mail is about a request (its history tells it was sent); else about a registered system. */
    boolean aboutRequest() {
        return this != RENEWAL && this != SUPERVISION_DUE;
    }

    boolean toRequester() {
        return this == RECEIVED || this == QUESTION || this == SCREENING_STARTED || this == DECISION || this == CONDITIONS_SETTLED
                || this == SATISFACTION || this == SATISFACTION_REMINDER;
    }
}
