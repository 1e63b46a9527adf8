package dk.indkoebsscreening.screening;

import dk.indkoebsscreening.process.Area;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Danish checklists per area, kept as configuration ({@code checklists.yml}) rather than code. */
@ConfigurationProperties("indkoeb")
public record ChecklistProperties(Map<Area, List<ChecklistQuestion>> checklists) {

    public ChecklistProperties {
        Map<Area, List<ChecklistQuestion>> complete = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            List<ChecklistQuestion> questions = checklists == null ? null : checklists.get(area);
            if (questions == null || questions.isEmpty()) {
                throw new IllegalStateException("indkoeb.checklists has no questions for " + area);
            }
            complete.put(area, List.copyOf(questions));
        }
        checklists = Map.copyOf(complete);
    }

    public List<ChecklistQuestion> forArea(Area area) {
        return checklists.get(area);
    }
}
