package dk.indkoebsscreening.request;

import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TaskSubject;
import dk.indkoebsscreening.process.TaskSubjectSource;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The screening process's tasks are about its purchase request, found by the process instance the request started. */
@Component
class RequestTaskSubjects implements TaskSubjectSource {

    private final RequestRepository requests;

    RequestTaskSubjects(RequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(ScreeningProcess.PROCESS_KEY);
    }

    @Override
    public Map<String, TaskSubject> subjectsOf(Collection<Instance> instances) {
        return requests.findByProcessInstanceIds(instances.stream().map(Instance::processInstanceId).toList()).stream()
                .collect(Collectors.toMap(PurchaseRequest::processInstanceId, Requests::taskSubject));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> lockByTask(String taskId) {
        return requests.lockByTask(taskId);
    }
}
