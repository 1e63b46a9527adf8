package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.TaskSubject;
import dk.indkoebsscreening.process.TaskType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open task as shown in an inbox: about a purchase request, or about a registered system (a renewal). {@code area} is
 * set for screening tasks only.
 *
 * @param subject   what the task is about
 * @param subjectId the request's or the system's id
 * @param requestId the request's id, for a task about a request; else null
 * @param reference the request's reference, for a task about a request; else null
 * @param label     the request's reference, or the system's name
 * @param link      the page of what the task is about
 * @param flags     the request's scope flags (e.g. DPIA_LIKELY), for a task about a request; else empty
 * @param municipality the id of the municipality whose task it is (the shared organisation's experts work for several)
 */
@Schema(requiredProperties = {"id", "type", "subject", "subjectId", "label", "link", "created", "municipality"})
public record WorkTask(String id, TaskType type, Area area, TaskSubject.Kind subject, UUID subjectId, UUID requestId,
                       String reference, String label, String title, String systemName, String vendor, String link,
                       Instant due, Instant created, String assignee, List<String> flags, String municipality) {

    /** The user task's id in the model: each area's screening has its own. */
    public String taskDefinitionKey() {
        return area != null ? area.taskDefinitionKey() : type.taskDefinitionKey();
    }

    public boolean assignedTo(String username) {
        return username != null && username.equals(assignee);
    }

    public boolean aboutRequest() {
        return subject == TaskSubject.Kind.REQUEST;
    }
}
