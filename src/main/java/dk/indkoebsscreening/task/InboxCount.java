package dk.indkoebsscreening.task;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineTasks;
import dk.indkoebsscreening.process.TaskSubjects;
import dk.indkoebsscreening.process.TaskType;
import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.web.OpenTaskCount;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The menu's count of the inbox's tasks: the kinds the inbox lists ({@link Inbox#URGENCY}), for the user's own
 * groups, counted by the database in one statement instead of loading the tasks and their requests as the inbox does.
 */
@Component
class InboxCount implements OpenTaskCount {

    private static final List<String> LISTED_KINDS = Inbox.URGENCY.stream()
            .flatMap(type -> type == TaskType.SCREENING ? Arrays.stream(Area.values()).map(Area::taskDefinitionKey)
                    : Stream.of(type.taskDefinitionKey()))
            .toList();

    private final EngineTasks engineTasks;
    private final TaskSubjects subjects;

    InboxCount(EngineTasks engineTasks, TaskSubjects subjects) {
        this.engineTasks = engineTasks;
        this.subjects = subjects;
    }

    @Override
    public long of(CurrentUser user) {
        return engineTasks.countOpenTasksFor(user.username(), user.groups(), subjects.processKeys(), LISTED_KINDS);
    }
}
