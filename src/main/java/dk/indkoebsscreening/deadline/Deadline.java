package dk.indkoebsscreening.deadline;

import java.time.Instant;

/** When the screening must be done, and when the experts still working on it are reminded. */
public record Deadline(Instant dueAt, Instant remindAt) {
}
