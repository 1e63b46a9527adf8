package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.Area;
import java.util.List;
import java.util.UUID;

/** One working day before the deadline, these areas were still open; published in the reminder's transaction. */
public record ReminderDue(UUID requestId, List<Area> openAreas) {
}
