package dk.indkoebsscreening.process;

/**
 * Which group screens an area for a municipality: its own experts ({@link Area#candidateGroup()}), or the shared
 * IT-service organisation's ({@link Area#sharedCandidateGroup()}) when the municipality routes the area to them. The
 * model asks it by the name {@link ScreeningProcess#SCREENING_GROUPS} as each screening task is made, in the process
 * instance's municipality, so a change of the routing applies to the tasks made after it.
 */
public interface ScreeningGroups {

    /** As the model asks: @param area an {@link Area}'s name */
    default String of(String area) {
        return groupOf(Area.valueOf(area));
    }

    /** The candidate group of the area's tasks in the municipality the work acts for. */
    String groupOf(Area area);
}
