package dk.indkoebsscreening.request;

import dk.indkoebsscreening.process.ScreeningProcess;
import dk.indkoebsscreening.process.TaskSubject;
import dk.indkoebsscreening.process.TaskSubjectSource;
import dk.indkoebsscreening.scope.ScopeFlag;
import dk.indkoebsscreening.scope.ScopeRepository;
import java.util.Collection;
import java.util.List;
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
    private final ScopeRepository scopes;

    RequestTaskSubjects(RequestRepository requests, ScopeRepository scopes) {
        this.requests = requests;
        this.scopes = scopes;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(ScreeningProcess.PROCESS_KEY);
    }

    /** With the request's scope flags (the confirmed scope's, else the proposal's), for the experts' inbox. */
    @Override
    public Map<String, TaskSubject> subjectsOf(Collection<Instance> instances) {
        List<PurchaseRequest> found = requests.findByProcessInstanceIds(instances.stream().map(Instance::processInstanceId).toList());
        Map<UUID, List<ScopeFlag>> flags = scopes.currentFlags(found.stream().map(PurchaseRequest::id).toList());
        return found.stream().collect(Collectors.toMap(PurchaseRequest::processInstanceId, request -> Requests.taskSubject(request,
                flags.getOrDefault(request.id(), List.of()).stream().map(ScopeFlag::name).toList())));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> lockByTask(String taskId) {
        return requests.lockByTask(taskId);
    }
}
