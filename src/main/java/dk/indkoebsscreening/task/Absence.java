package dk.indkoebsscreening.task;

import java.time.LocalDate;

/**
 * A user's period away, both days included.
 *
 * @param standIn the colleague who takes the user's tasks meanwhile; null: they go back to the group
 */
public record Absence(String username, LocalDate startsOn, LocalDate endsOn, String standIn) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Whether the two periods share a day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !to.isBefore(startsOn) && !from.isAfter(endsOn);
    }
}
