package dk.indkoebsscreening.scope;

import dk.indkoebsscreening.process.Area;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Which areas screen a request and which flags apply, each once and in their enum order. */
public record Scope(List<Area> areas, List<ScopeFlag> flags) {

    public Scope {
        List<Area> givenAreas = List.copyOf(areas);
        List<ScopeFlag> givenFlags = List.copyOf(flags);
        areas = Arrays.stream(Area.values()).filter(givenAreas::contains).toList();
        flags = Arrays.stream(ScopeFlag.values()).filter(givenFlags::contains).toList();
    }

    public static Scope of(Collection<Area> areas, Collection<ScopeFlag> flags) {
        return new Scope(List.copyOf(areas), List.copyOf(flags));
    }

    /** The areas left out, recorded as not relevant when screening starts. */
    public List<Area> notRelevant() {
        return Arrays.stream(Area.values()).filter(area -> !areas.contains(area)).toList();
    }

    public boolean has(ScopeFlag flag) {
        return flags.contains(flag);
    }
}
