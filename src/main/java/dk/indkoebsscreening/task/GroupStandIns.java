package dk.indkoebsscreening.task;

import dk.indkoebsscreening.deadline.DeadlineProperties;
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
    private final Clock clock;
    private final ZoneId zone;

    GroupStandIns(GroupStandInRepository standIns, Clock clock, DeadlineProperties deadlines) {
        this.standIns = standIns;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    /** The groups the user stands in for today. */
    @Override
    public Set<String> groupsOf(String username) {
        return standIns.activeOn(today()).stream().filter(standIn -> standIn.username().equals(username))
                .map(GroupStandIn::group).collect(Collectors.toUnmodifiableSet());
    }

    /** Today's stand-ins of these groups (user ids). */
    Set<String> of(Collection<String> groups) {
        return standIns.activeOn(today()).stream().filter(standIn -> groups.contains(standIn.group()))
                .map(GroupStandIn::username).collect(Collectors.toUnmodifiableSet());
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
