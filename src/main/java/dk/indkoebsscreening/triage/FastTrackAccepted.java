package dk.indkoebsscreening.triage;

/** A fast track went to screening without triage, by the rule named: the coordinators are told and may step in. */
public record FastTrackAccepted(java.util.UUID requestId, String rule) {
}
