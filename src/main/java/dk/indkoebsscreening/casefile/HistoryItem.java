package dk.indkoebsscreening.casefile;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.indkoebsscreening.history.HistoryEntry;

/** A step of the history with the name of who took it, for the pages and the API ("Anna Andersen", "anna"). */
public record HistoryItem(@JsonUnwrapped HistoryEntry entry, String actorName) {
}
