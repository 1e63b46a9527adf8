package dk.indkoebsscreening.task;

import dk.indkoebsscreening.deadline.DeadlineProperties;
import dk.indkoebsscreening.security.People;
import dk.indkoebsscreening.security.StandInGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The groups' temporary stand-ins in force today, in the municipality's time zone: whom the inbox and the task's
 * checks treat as a member of a group besides its members. Read on every check, so a period that ends or is ended
 * closes the door at once, not at the next scheduled run.
 */
@Component
class GroupStandIns implements StandInGroups {

    private final GroupStandInRepository standIns;
    private final People people;
    private final Clock clock;
    private final ZoneId zone;

    GroupStandIns(GroupStandInRepository standIns, People people, Clock clock, DeadlineProperties deadlines) {
        this.standIns = standIns;
        this.people = people;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    /** The groups the user stands in for today, while they still take part in screening. */
    @Override
    public Set<String> groupsOf(String username) {
        Set<String> groups = standIns.activeOn(today()).stream().filter(standIn -> standIn.username().equals(username))
                .map(GroupStandIn::group).collect(Collectors.toUnmodifiableSet());
        return groups.isEmpty() || screens(username) ? groups : Set.of();
    }

    /** Today's stand-ins of these groups (user ids) who still take part in screening. */
    Set<String> of(Collection<String> groups) {
        return standIns.activeOn(today()).stream().filter(standIn -> groups.contains(standIn.group()))
                .map(GroupStandIn::username).distinct().filter(this::screens).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the user is still a coordinator or an expert, as a stand-in must be when appointed: one taken out of every
     * group since (gone from the municipality, say) may no longer read the requests, so holds none of their tasks.
     */
    private boolean screens(String username) {
        return GroupCover.GROUPS.stream().anyMatch(group -> people.isMember(group, username));
    }

    /** Whether the user once stood in for one of these groups (so a task they hold of it came from that). */
    boolean stoodInFor(String username, Collection<String> groups) {
        return !groups.isEmpty() && standIns.stoodIn(username, groups);
    }

    /** Whether the user ever stood in for a group. */
    boolean stoodInFor(String username) {
        return standIns.stoodIn(username, GroupCover.GROUPS);
    }

    List<GroupStandIn> activeOn(LocalDate day) {
        return standIns.activeOn(day);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
