package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A temporary stand-in a coordinator appointed for a group, both days included: while it lasts the user gets the
 * group's open tasks as if a member. Ended early by a coordinator, it stays as the record of who stood in.
 *
 * @param endedBy null unless a coordinator ended it before its last day
 */
public record GroupStandIn(UUID id, String group, String username, LocalDate startsOn, LocalDate endsOn,
                           String appointedBy, Instant appointedAt, String endedBy, Instant endedAt) {

    /** The group's area, null for the coordinators. */
    public Area area() {
        return GroupCover.areaOf(group);
    }

    public boolean activeOn(LocalDate day) {
        return endedAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Whether the period shares a day with these, both included. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !to.isBefore(startsOn) && !from.isAfter(endsOn);
    }

    /** Not over yet: active or still to come. */
    public boolean currentOrComing(LocalDate day) {
        return endedAt == null && !day.isAfter(endsOn);
    }
}
