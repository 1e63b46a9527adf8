package dk.indkoebsscreening.supervision;

import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.SupervisionProcess;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** The data processor a supervision task is about, for its page ({@code supervision/step.html} as {@code #supervisionTasks}). */
@Component("supervisionTasks")
public class SupervisionTasks {

    private final TaskService tasks;
    private final ProcessorRepository processors;

    SupervisionTasks(TaskService tasks, ProcessorRepository processors) {
        this.tasks = tasks;
        this.processors = processors;
    }

    public Optional<DataProcessor> processorOf(String taskId) {
        Object id = EngineGate.asApplication(() -> tasks.getVariable(taskId, SupervisionProcess.PROCESSOR_ID));
        return id == null ? Optional.empty() : processors.find(UUID.fromString(id.toString()));
    }
}
