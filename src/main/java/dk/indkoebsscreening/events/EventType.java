package dk.indkoebsscreening.events;

import java.net.URI;

/**
 * The lifecycle events of a purchase request, and of a registered system (keyed by its id). The type is the CloudEvents {@code type}: it carries
 * the major version of the payload's schema, so a breaking change gets a new type, published beside the
 * old one for the announced period (docs/events.md, "Compatibility").
 */
public enum EventType {
    REQUEST_SUBMITTED("dk.indkoebsscreening.request.submitted.v1", "request-submitted"),
    /** Triage asked the requester for more information: the request waits for the requester. */
    INFORMATION_REQUESTED("dk.indkoebsscreening.information.requested.v1", "information-requested"),
    /** The requester answered: the request is back in triage. */
    INFORMATION_PROVIDED("dk.indkoebsscreening.information.provided.v1", "information-provided"),
    /** The areas in scope (one to six), those left out with why, and the flags. */
    SCREENING_STARTED("dk.indkoebsscreening.screening.started.v1", "screening-started"),
    AREA_SCREENED("dk.indkoebsscreening.area.screened.v1", "area-screened"),
    /** Every area in scope is screened and the recommendation made: the request waits for the decision. */
    SCREENING_COMPLETED("dk.indkoebsscreening.screening.completed.v1", "screening-completed"),
    SCREENING_REMINDER_SENT("dk.indkoebsscreening.screening.reminder-sent.v1", "screening-reminder-sent"),
    DEADLINE_MISSED("dk.indkoebsscreening.deadline.missed.v1", "deadline-missed"),
    /**
     * An expert asked the requester a question from a screening; the request stays in screening, so this is not
     * information.requested, whose status values are triage's.
     */
    SCREENING_QUESTION_ASKED("dk.indkoebsscreening.screening.question-asked.v1", "screening-question-asked"),
    /** The requester answered an expert's question from a screening. */
    SCREENING_QUESTION_ANSWERED("dk.indkoebsscreening.screening.question-answered.v1", "screening-question-answered"),
    /** The screening deadline moved after submission: the request waited for its requester and the week paused. */
    DEADLINE_CHANGED("dk.indkoebsscreening.deadline.changed.v1", "deadline-changed"),
    /** The decision with the request's files, its report's address and its scope; also on the decisions topic. */
    DECISION_MADE("dk.indkoebsscreening.decision.made.v1", "decision-made"),
    REQUEST_WITHDRAWN("dk.indkoebsscreening.request.withdrawn.v1", "request-withdrawn"),
    ATTACHMENT_ADDED("dk.indkoebsscreening.attachment.added.v1", "attachment-added"),
    ATTACHMENT_REMOVED("dk.indkoebsscreening.attachment.removed.v1", "attachment-removed"),
    /** A registered system's contract comes up for renewal; keyed by the system's id, not a request's. */
    RENEWAL_DUE("dk.indkoebsscreening.renewal.due.v1", "renewal-due"),
    /** One condition of an approval as it is after a change (set, reported, verified, sent back, waived, overdue, handed on). */
    CONDITION_CHANGED("dk.indkoebsscreening.condition.changed.v1", "condition-changed"),
    /** Every condition of an approval with conditions is verified or waived: the request's conditions are met. */
    CONDITIONS_SETTLED("dk.indkoebsscreening.conditions.settled.v1", "conditions-settled"),
    /** A data processor of a registered system is due for supervision; keyed by the system's id. */
    SUPERVISION_DUE("dk.indkoebsscreening.supervision.due.v1", "supervision-due"),
    /** The security group recorded a supervision of a data processor and its next date; keyed by the system's id. */
    SUPERVISION_RECORDED("dk.indkoebsscreening.supervision.recorded.v1", "supervision-recorded"),
    /** An expert or a coordinator invited the vendor's contact to answer the vendor questions through a link. */
    VENDOR_INVITED("dk.indkoebsscreening.vendor.invited.v1", "vendor-invited"),
    /** The vendor submitted a round of the questionnaire. */
    VENDOR_ANSWERED("dk.indkoebsscreening.vendor.answered.v1", "vendor-answered"),
    /** An open invitation was revoked by staff, or because the request was decided or withdrawn. */
    VENDOR_REVOKED("dk.indkoebsscreening.vendor.revoked.v1", "vendor-revoked"),
    /** An open invitation's link expired before the vendor submitted. */
    VENDOR_EXPIRED("dk.indkoebsscreening.vendor.expired.v1", "vendor-expired");

    private final String type;
    private final String schemaName;

    EventType(String type, String schemaName) {
        this.type = type;
        this.schemaName = schemaName;
    }

    /** The CloudEvents type, for example {@code dk.indkoebsscreening.decision.made.v1}. */
    public String type() {
        return type;
    }

    /**
     * Classpath location of the payload's JSON Schema, e.g. {@code docs/schemas/decision-made.v1.json}; the
     * application serves it at {@code /docs/schemas/…}, beside the AsyncAPI document that refers to it.
     */
    public String schemaResource() {
        return "docs/schemas/" + schemaName + "." + majorVersion() + ".json";
    }

    /** The CloudEvents {@code dataschema}: the {@code $id} of the payload's JSON Schema. */
    public URI dataSchema() {
        return URI.create("urn:indkoebsscreening:schema:" + schemaName + "." + majorVersion());
    }

    private String majorVersion() {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    public static EventType fromType(String type) {
        for (EventType candidate : values()) {
            if (candidate.type.equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown event type " + type);
    }
}
