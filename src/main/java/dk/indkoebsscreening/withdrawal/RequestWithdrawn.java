package dk.indkoebsscreening.withdrawal;

import dk.indkoebsscreening.process.Area;
import java.util.List;
import java.util.UUID;

/**
 * A request was withdrawn; published in the withdrawal's transaction.
 *
 * @param openAreas           the areas whose screening was open and is now cancelled
 * @param coordinatorsHadTask triage, the escalation or the decision was open
 */
public record RequestWithdrawn(UUID requestId, String reason, List<Area> openAreas, boolean coordinatorsHadTask) {
}
