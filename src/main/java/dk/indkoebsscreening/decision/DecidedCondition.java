package dk.indkoebsscreening.decision;

import dk.indkoebsscreening.process.Area;
import java.time.LocalDate;

/**
 * A condition as the decision binds it: the text the requester gets, who set it, who must fulfil it and by when.
 * The follow-up of conditions tracks each one from here.
 *
 * @param setBy        the area whose verdict set it; null when the coordinator set it at the decision
 * @param owner        the username of whoever must fulfil it (the requester unless handed to a colleague)
 * @param due          the date it must be fulfilled by; null when {@code beforeGoLive}
 * @param beforeGoLive due before the system is taken into use (the request's desired start date)
 * @param changeNote   why the coordinator reworded or merged an area's condition; null when kept as set
 */
public record DecidedCondition(String text, Area setBy, String owner, LocalDate due, boolean beforeGoLive,
                               String changeNote) {
}
