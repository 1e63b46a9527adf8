package dk.indkoebsscreening.attachment;

/** The step in which a file was added: who added it and why follows from it. */
public enum AttachmentStep {
    /** The requester, with the request form. */
    SUBMISSION,
    /** The requester, answering the coordinator's question. */
    ANSWER,
    TRIAGE,
    /** An expert, on the screening of their area. */
    SCREENING,
    ESCALATION,
    DECISION,
    /** The owner of a condition of an approval, showing that it is fulfilled (or its verifier). */
    CONDITION
}
