package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One area's screening of a request, as stored. */
public record AreaScreening(
        Area area,
        AreaState state,
        Verdict verdict,
        String findings,
        List<String> conditions,
        Map<String, String> checklist,
        String screenedBy,
        Instant startedAt,
        Instant remindedAt,
        Instant completedAt) {

    public static AreaScreening pending(Area area) {
        return new AreaScreening(area, AreaState.PENDING, null, null, List.of(), Map.of(), null, null, null, null);
    }
}
