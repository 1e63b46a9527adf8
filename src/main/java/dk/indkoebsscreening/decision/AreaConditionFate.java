package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.Area;

/**
 * What the decision made of one condition an area set, kept with the decision for the case file and the report.
 *
 * @param text the condition as the area set it
 * @param note the coordinator's reason for rewording, merging or dropping it; null when kept as set
 * @param into the position in the decision's conditions of the one it became or went into; null when dropped
 */
public record AreaConditionFate(Area area, String text, Fate fate, String note, Integer into) {

    public enum Fate {
        KEPT, REWORDED, MERGED, DROPPED
    }
}
