package dk.indkoebsscreening.register;

import dk.indkoebsscreening.process.TaskSubject;
import dk.indkoebsscreening.process.TaskSubjectSource;
import dk.indkoebsscreening.web.Links;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks of a process about a registered system (business key = the system's id) are about that system: a module
 * with such a process declares one as a bean for its process key, as the register does for the renewal ({@code RegisterTaskSubjects}).
 */
public class SystemTaskSubjects implements TaskSubjectSource {

    private final String processKey;
    private final SystemRegister register;

    public SystemTaskSubjects(String processKey, SystemRegister register) {
        this.processKey = processKey;
        this.register = register;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(processKey);
    }

    @Override
    public Map<String, TaskSubject> subjectsOf(Collection<Instance> instances) {
        Map<UUID, RegisteredSystem> systems = register.findAll(instances.stream().map(SystemTaskSubjects::systemId)
                        .flatMap(Optional::stream).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(RegisteredSystem::id, Function.identity()));
        Map<String, TaskSubject> subjects = new HashMap<>();
        instances.forEach(instance -> systemId(instance).map(systems::get)
                .ifPresent(system -> subjects.put(instance.processInstanceId(), subject(system))));
        return subjects;
    }

    /** A system's task subject: its name is its label and title; its page is the one to go to. */
    public static TaskSubject subject(RegisteredSystem system) {
        return new TaskSubject(TaskSubject.Kind.SYSTEM, system.id(), system.name(), system.name(), system.name(),
                system.vendor(), Links.system(system.id()));
    }

    private static Optional<UUID> systemId(Instance instance) {
        try {
            return Optional.ofNullable(instance.businessKey()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> lockByTask(String taskId) {
        return register.lockByTask(processKey, taskId);
    }
}
