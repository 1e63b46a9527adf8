package dk.indkoebsscreening.process;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Implemented by the module that owns a process, so the inbox can show and lock what its tasks are about without
 * knowing the module: {@code request} for the screening process (by process instance), {@code register} for a
 * system's processes (by business key, the system's id). {@link TaskSubjects} finds the implementations through
 * Spring, one per process key.
 */
public interface TaskSubjectSource {

    /** A running or finished instance of one of the source's processes. */
    record Instance(String processInstanceId, String processKey, String businessKey) {
    }

    /** The keys of the processes whose tasks' subjects this source knows. */
    Set<String> processKeys();

    /** The subjects of these instances, by process instance id; an instance whose subject is gone is left out. */
    Map<String, TaskSubject> subjectsOf(Collection<Instance> instances);

    /**
     * Takes the row lock of the subject of this open task, if the task is one of the source's processes, inside the
     * caller's transaction, so that the steps of one subject queue up: one statement, through {@link
     * EngineTasks#PROCESS_INSTANCE_OF_TASK} or {@link EngineTasks#businessKeyOfTask}. Empty when the task does not exist
     * (any more) or is another source's.
     */
    Optional<UUID> lockByTask(String taskId);
}
