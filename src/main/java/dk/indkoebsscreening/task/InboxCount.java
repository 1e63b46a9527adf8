package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.TaskSubjects;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.system.KeptAWhile;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.web.OpenTaskCount;
import java.time.Duration;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The menu's count of the inbox's tasks: the kinds the inbox lists ({@link Inbox#URGENCY}), for the user's own
 * groups, counted by the database in one statement instead of loading the tasks and their requests as the inbox does.
 * Every page shows it, and a shared expert's count runs over thousands of tasks: a count is kept for
 * {@value #FRESH_SECONDS} seconds per person and scope, and the inbox, which lists them all anyway, puts its exact number
 * in its own menu and here. So a new task of the group may show on other pages that much later; never on the inbox.
 */
@Component
class InboxCount implements OpenTaskCount {

    static final int FRESH_SECONDS = 20;

    private final KeptAWhile<Long> counted = new KeptAWhile<>(Duration.ofSeconds(FRESH_SECONDS));

    private final EngineTasks engineTasks;
    private final TaskSubjects subjects;

    InboxCount(EngineTasks engineTasks, TaskSubjects subjects) {
        this.engineTasks = engineTasks;
        this.subjects = subjects;
    }

    @Override
    public long of(CurrentUser user) {
        return counted.get(key(user), () -> engineTasks.countOpenTasksFor(user.username(), user.groups(), subjects.processKeys(),
                Inbox.LISTED_KINDS));
    }

    /** The number the inbox counted in its own list, exact now. */
    void remember(CurrentUser user, long count) {
        counted.put(key(user), count);
    }

    /** The person with their groups, in the municipalities the request sees. */
    private static String key(CurrentUser user) {
        return user.username() + "|" + new TreeSet<>(user.groups()) + "|" + Tenancy.current().map(Tenancy.Scope::key).orElse("");
    }
}
