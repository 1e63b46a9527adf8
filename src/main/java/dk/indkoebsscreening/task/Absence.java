package dk.indkoebsscreening.task;

import java.time.LocalDate;

/** A user's period away, both days included. */
public record Absence(String username, LocalDate startsOn, LocalDate endsOn) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
