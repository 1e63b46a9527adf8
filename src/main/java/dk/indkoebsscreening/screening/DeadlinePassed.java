package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.Area;
import java.util.List;
import java.util.UUID;

/** The deadline passed with these areas open, and the coordinators must follow up; published in the step's transaction. */
public record DeadlinePassed(UUID requestId, List<Area> openAreas) {
}
