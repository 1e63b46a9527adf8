package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An open task as shown in an inbox. {@code area} is set for screening tasks only. */
@Schema(requiredProperties = {"id", "type", "requestId", "reference", "created"})
public record WorkTask(String id, TaskType type, Area area, UUID requestId, String reference, String title,
                       String systemName, String vendor, Instant due, Instant created, String assignee) {

    /** The user task's id in the model: each area's screening has its own. */
    public String taskDefinitionKey() {
        return area != null ? area.taskDefinitionKey() : type.taskDefinitionKey();
    }

    public boolean assignedTo(String username) {
        return username != null && username.equals(assignee);
    }
}
