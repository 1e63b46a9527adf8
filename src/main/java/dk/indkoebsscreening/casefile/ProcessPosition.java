package dk.indkoebsscreening.casefile;

import dk.indkoebsscreening.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.stereotype.Service;

/** Where a request is in the deployed process model, for the process picture; readable by whoever may read the request. */
@Service
public class ProcessPosition {

    private final CaseFileService caseFiles;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;

    ProcessPosition(CaseFileService caseFiles, RuntimeService runtimeService, HistoryService historyService,
                    RepositoryService repositoryService) {
        this.caseFiles = caseFiles;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    /**
     * Where a request is in its model: the elements active now, or the end event reached once it has
     * ended, with their names in the model (Danish), for the picture and the text beside it.
     */
    public record Position(List<String> elementIds, List<String> names, boolean ended) {
    }

    public Position position(UUID requestId, CurrentUser user) {
        String processInstanceId = caseFiles.readable(requestId, user).processInstanceId();
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionOf(processInstanceId));
        List<String> ids = running ? runtimeService.getActiveActivityIds(processInstanceId) : endReached(processInstanceId, model);
        List<String> names = ids.stream()
                .map(id -> model.getModelElementById(id) instanceof FlowElement element && element.getName() != null
                        ? element.getName() : id)
                .distinct().toList();
        return new Position(ids, names, !running);
    }

    /**
     * The end events of the process itself (not of its sub-processes, but of the event sub-process that ends it:
     * the withdrawal) that the finished instance reached.
     */
    private List<String> endReached(String processInstanceId, BpmnModelInstance model) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished().list()
                .stream()
                .map(HistoricActivityInstance::getActivityId)
                .filter(id -> model.getModelElementById(id) instanceof EndEvent end && (end.getParentElement() instanceof Process
                        || end.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent()))
                .distinct().toList();
    }

    /** The BPMN XML of the model version this request runs (or ran) on. */
    public String model(UUID requestId, CurrentUser user) {
        try (InputStream xml = repositoryService.getProcessModel(definitionOf(caseFiles.readable(requestId, user).processInstanceId()))) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String definitionOf(String processInstanceId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
    }
}
