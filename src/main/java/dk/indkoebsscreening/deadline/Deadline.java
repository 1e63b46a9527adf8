package dk.indkoebsscreening.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** When the screening must be done, and when the experts still working on it are reminded. */
public record Deadline(Instant dueAt, Instant remindAt) {

    /** Process variables for the timer events of the model. */
    public Map<String, Object> asVariables() {
        return Map.of("deadline", Date.from(dueAt), "reminderAt", Date.from(remindAt));
    }
}
