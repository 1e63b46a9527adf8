package dk.indkoebsscreening.triage;

import java.time.Instant;

/** A coordinator's note at triage, for the coordinators who triage the request again. */
public record TriageNote(String note, String writtenBy, Instant writtenAt) {
}
