package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import java.util.UUID;

/**
 * An open task was handed to a named colleague; published in the hand-over's transaction.
 *
 * @param area the screening's area, null for the coordinators' tasks
 */
public record TaskHandedOver(UUID requestId, TaskType type, Area area, String handedBy, String handedTo) {
}
