package dk.indkoebsscreening.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Fires one request's timer now, as the job executor would when it falls due, without moving the engine's
 * clock: moving it would fire every other request's timers too, under the tests that share the application.
 */
public final class Timers {

    public static final String REMINDER = "BoundaryEvent_ReminderDue";
    public static final String DEADLINE = "BoundaryEvent_DeadlineMissed";

    private final ProcessEngine engine;

    public Timers(ProcessEngine engine) {
        this.engine = engine;
    }

    public void fire(String requestId, String timerEvent) {
        String processInstance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .singleResult().getId();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(processInstance).activityId(timerEvent)
                .timers().singleResult();
        if (timer == null) {
            throw new AssertionError("No timer " + timerEvent + " on request " + requestId);
        }
        engine.getManagementService().executeJob(timer.getId());
    }
}
