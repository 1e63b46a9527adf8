package dk.indkoebsscreening.security;

import java.util.Set;

/**
 * The groups a user stands in for today besides their own: a coordinator appointed them a group's temporary stand-in
 * for a period. Where a group's authority decides who may do a task's work (verifying the condition its area set),
 * the stand-in counts as a member, so the task they are given is one they can do. The task module keeps the
 * appointments; modules below it ask here.
 */
public interface StandInGroups {

    Set<String> groupsOf(String username);
}
