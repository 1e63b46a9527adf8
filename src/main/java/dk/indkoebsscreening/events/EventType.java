package dk.indkoebsscreening.events;

import java.net.URI;

/**
 * The lifecycle events of a purchase request. The type is the CloudEvents {@code type}: it carries
 * the major version of the payload's schema, so a breaking change gets a new type.
 */
public enum EventType {
    REQUEST_SUBMITTED("dk.indkoebsscreening.request.submitted.v1", "request-submitted"),
    /** Deprecated: published only when all six areas screen (its schema requires six); v2 always. */
    SCREENING_STARTED("dk.indkoebsscreening.screening.started.v1", "screening-started"),
    /** The areas in scope (one to six), those left out with why, and the flags. */
    SCREENING_STARTED_V2("dk.indkoebsscreening.screening.started.v2", "screening-started"),
    AREA_SCREENED("dk.indkoebsscreening.area.screened.v1", "area-screened"),
    SCREENING_REMINDER_SENT("dk.indkoebsscreening.screening.reminder-sent.v1", "screening-reminder-sent"),
    DEADLINE_MISSED("dk.indkoebsscreening.deadline.missed.v1", "deadline-missed"),
    DECISION_MADE("dk.indkoebsscreening.decision.made.v1", "decision-made"),
    /** v1 with the request's files; v1 is still published (deprecated) until its consumers have moved. */
    DECISION_MADE_V2("dk.indkoebsscreening.decision.made.v2", "decision-made"),
    REQUEST_WITHDRAWN("dk.indkoebsscreening.request.withdrawn.v1", "request-withdrawn"),
    ATTACHMENT_ADDED("dk.indkoebsscreening.attachment.added.v1", "attachment-added"),
    ATTACHMENT_REMOVED("dk.indkoebsscreening.attachment.removed.v1", "attachment-removed");

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

    /** Classpath location of the payload's JSON Schema, e.g. {@code schemas/decision-made.v1.json}. */
    public String schemaResource() {
        return "schemas/" + schemaName + "." + majorVersion() + ".json";
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
