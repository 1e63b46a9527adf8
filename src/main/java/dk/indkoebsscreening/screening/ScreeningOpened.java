package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.Area;
import java.util.List;
import java.util.UUID;

/** The areas of a request were opened for screening; published in the step's transaction. */
public record ScreeningOpened(UUID requestId, List<Area> areas) {
}
