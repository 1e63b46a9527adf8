package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A warning the coordinators got: every member of the group is away from {@code from} to {@code to}, before the
 * deadline of {@code openTasks} open tasks of the group, the first due {@code firstDue}.
 *
 * @param area the group's area, null for the coordinators
 */
public record GroupGap(UUID id, Area area, String group, LocalDate from, LocalDate to, Instant firstDue, int openTasks) {
}
