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

    /** The ids of the model's elements that are active now; empty once the process has ended. */
    public List<String> activeElements(UUID requestId, CurrentUser user) {
        String processInstanceId = caseFiles.readable(requestId, user).processInstanceId();
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        return running ? runtimeService.getActiveActivityIds(processInstanceId) : List.of();
    }

    /** The BPMN XML of the model version this request runs (or ran) on. */
    public String model(UUID requestId, CurrentUser user) {
        String definitionId = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(caseFiles.readable(requestId, user).processInstanceId())
                .singleResult()
                .getProcessDefinitionId();
        try (InputStream xml = repositoryService.getProcessModel(definitionId)) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
