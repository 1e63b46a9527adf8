package dk.indkoebsscreening.scope;

/**
 * How a request is handled, by the scope tables' Decision_FastTrackHandling.
 *
 * @param rule                the id of the rule that matched, recorded with what it did
 * @param skipTriage          accepted with the proposed scope, straight to screening (the coordinators are told)
 * @param deadlineWorkingDays the deadline's own length; null for the configured week
 * @param automaticDecision   decided by the rules when every area in scope approves without conditions
 */
public record FastTrackHandling(String rule, boolean skipTriage, Integer deadlineWorkingDays, boolean automaticDecision) {
}
