package dk.indkoebsscreening.process;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What tasks are about ({@link TaskSubject}), asked of the module that owns each task's process ({@link
 * TaskSubjectSource}): the inbox's one way from a task to its request or system, and to the lock its steps take.
 */
@Component
public class TaskSubjects {

    private final List<TaskSubjectSource> sources;
    private final Map<String, TaskSubjectSource> sourcesByKey = new HashMap<>();
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    /** Process definition id to key: a deployed definition never changes its key. */
    private final Map<String, String> keysByDefinition = new ConcurrentHashMap<>();

    TaskSubjects(List<TaskSubjectSource> sources, RuntimeService runtimeService, RepositoryService repositoryService,
                 HistoryService historyService) {
        this.sources = sources.stream()
                .sorted(Comparator.comparing(source -> !source.processKeys().contains(ScreeningProcess.PROCESS_KEY)))
                .toList();
        sources.forEach(source -> source.processKeys().forEach(key -> {
            if (sourcesByKey.put(key, source) != null) {
                throw new IllegalStateException("Two task subject sources for process " + key);
            }
        }));
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
    }

    /** The processes whose tasks have a subject: the only ones an inbox lists. */
    public Set<String> processKeys() {
        return Set.copyOf(sourcesByKey.keySet());
    }

    /** The subjects of these tasks, by process instance id; a task whose subject is gone has none. */
    public Map<String, TaskSubject> of(Collection<Task> tasks) {
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<TaskSubjectSource, List<TaskSubjectSource.Instance>> bySource = running(instanceIds).stream()
                .filter(instance -> sourcesByKey.containsKey(instance.processKey()))
                .collect(Collectors.groupingBy(instance -> sourcesByKey.get(instance.processKey())));
        Map<String, TaskSubject> subjects = new HashMap<>();
        bySource.forEach((source, instances) -> subjects.putAll(source.subjectsOf(instances)));
        return subjects;
    }

    public Optional<TaskSubject> of(Task task) {
        return Optional.ofNullable(of(List.of(task)).get(task.getProcessInstanceId()));
    }

    /** The subject of a completed task, as the history keeps its instance. */
    public Optional<TaskSubject> of(HistoricTaskInstance task) {
        TaskSubjectSource source = sourcesByKey.get(task.getProcessDefinitionKey());
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        if (source == null || instance == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(source.subjectsOf(List.of(new TaskSubjectSource.Instance(instance.getId(),
                instance.getProcessDefinitionKey(), instance.getBusinessKey()))).get(instance.getId()));
    }

    /**
     * Locks the subject of an open task (its source's row lock), inside the caller's transaction; empty when the task is
     * gone (completed meanwhile) or has no subject. The sources are asked in their order, the screening's first: most
     * tasks are its, and each asking is a statement.
     */
    public Optional<UUID> lockByTask(String taskId) {
        return sources.stream().map(source -> source.lockByTask(taskId)).flatMap(Optional::stream).findFirst();
    }

    /** The running process instances among these, with their process keys and business keys, in one query. */
    private List<TaskSubjectSource.Instance> running(Set<String> instanceIds) {
        List<String> ids = List.copyOf(instanceIds);
        NativeProcessInstanceQuery query = runtimeService.createNativeProcessInstanceQuery()
                .sql("select * from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_ and ID_ in ("
                        + IntStream.range(0, ids.size()).mapToObj(i -> "#{id" + i + "}").collect(Collectors.joining(", ")) + ")");
        for (int i = 0; i < ids.size(); i++) {
            query.parameter("id" + i, ids.get(i));
        }
        return query.list().stream()
                .map(instance -> new TaskSubjectSource.Instance(instance.getId(), keyOf(instance), instance.getBusinessKey()))
                .toList();
    }

    private String keyOf(ProcessInstance instance) {
        return keysByDefinition.computeIfAbsent(instance.getProcessDefinitionId(),
                id -> repositoryService.getProcessDefinition(id).getKey());
    }
}
