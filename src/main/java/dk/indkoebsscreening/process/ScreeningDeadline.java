package dk.indkoebsscreening.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves a running screening's deadline everywhere the engine holds it: the variables the model reads
 * ({@link ScreeningProcess#DEADLINE}, {@link ScreeningProcess#REMINDER_AT}), the timers already set from them (they are
 * evaluated once, when the screening starts) and the due dates of the open tasks that took the deadline.
 */
@Component
public class ScreeningDeadline {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    ScreeningDeadline(RuntimeService runtime, ManagementService management, TaskService tasks) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    /** In the caller's transaction; a timer that has fired, or a task that is done, is left as it is. */
    public void move(String processInstanceId, Instant from, Instant dueAt, Instant remindAt) {
        EngineGate.asApplication(() -> {
            runtime.setVariables(processInstanceId, Map.of(ScreeningProcess.DEADLINE, Date.from(dueAt),
                    ScreeningProcess.REMINDER_AT, Date.from(remindAt)));
            moveTimer(processInstanceId, ScreeningProcess.DEADLINE_TIMER, dueAt);
            moveTimer(processInstanceId, ScreeningProcess.REMINDER_TIMER, remindAt);
            // Only the tasks that were due at the deadline: a condition's task has a date of its own.
            for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).dueDate(Date.from(from)).list()) {
                tasks.setDueDate(task.getId(), Date.from(dueAt));
            }
            return null;
        });
    }

    private void moveTimer(String processInstanceId, String activityId, Instant dueAt) {
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()) {
            management.setJobDuedate(timer.getId(), Date.from(dueAt));
        }
    }
}
