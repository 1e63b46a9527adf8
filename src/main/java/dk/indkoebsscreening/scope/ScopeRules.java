package dk.indkoebsscreening.scope;

import dk.indkoebsscreening.municipality.CurrentMunicipality;
import dk.indkoebsscreening.municipality.Municipality;
import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.process.EngineGate;
import dk.indkoebsscreening.process.ScreeningProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates {@code bpmn/ScreeningScope.dmn}: the flags first, then the areas, which depend on whether the
 * flags make it a fast track. Both tables collect; a flag two rules find is kept once. Then, on its own, how the request
 * is handled (Decision_FastTrackHandling, one rule). The flags compare with the policy figures of the municipality the
 * work acts for (its settings).
 */
@Component
public class ScopeRules {

    private final DecisionService decisions;
    private final CurrentMunicipality municipality;

    public ScopeRules(DecisionService decisions, CurrentMunicipality municipality) {
        this.decisions = decisions;
        this.municipality = municipality;
    }

    public Scope evaluate(ScopeFacts facts) {
        Municipality figures = municipality.current();
        VariableMap variables = Variables.createVariables()
                .putValue(ScreeningProcess.SCOPE_DPIA_MIN_USERS, figures.dpiaMinUsers())
                .putValue(ScreeningProcess.SCOPE_FAST_TRACK_MAX_VALUE, figures.fastTrackMaxValueDkk().doubleValue())
                .putValue(ScreeningProcess.SCOPE_PERSONAL_DATA, facts.personalData())
                .putValue(ScreeningProcess.SCOPE_HOSTING, facts.hosting())
                .putValue(ScreeningProcess.SCOPE_EXPECTED_USERS, facts.expectedUsers())
                .putValue(ScreeningProcess.SCOPE_HAS_INTEGRATIONS, facts.hasIntegrations())
                .putValue(ScreeningProcess.SCOPE_CONTRACT_VALUE, facts.contractValueDkk().doubleValue())
                .putValue(ScreeningProcess.SCOPE_ABOVE_EU_THRESHOLD, facts.aboveEuThreshold());
        List<ScopeFlag> flags = EngineGate.asApplication(() -> decisions
                        .evaluateDecisionTableByKey(ScreeningProcess.SCOPE_FLAGS_DECISION_KEY, variables)
                        .collectEntries(ScreeningProcess.SCOPE_FLAG))
                .stream().map(flag -> ScopeFlag.valueOf((String) flag)).toList();
        variables.putValue(ScreeningProcess.SCOPE_FAST_TRACK, flags.contains(ScopeFlag.FAST_TRACK));
        List<Area> areas = EngineGate.asApplication(() -> decisions
                        .evaluateDecisionTableByKey(ScreeningProcess.SCOPE_AREAS_DECISION_KEY, variables)
                        .collectEntries(ScreeningProcess.SCOPE_AREA))
                .stream().map(area -> Area.valueOf((String) area)).toList();
        return Scope.of(areas, flags);
    }

    /** How a request with this scope and hosting is handled: the fast track's shortcuts, or the normal way. */
    public FastTrackHandling handling(Scope scope, String hosting) {
        VariableMap variables = Variables.createVariables()
                .putValue(ScreeningProcess.SCOPE_FAST_TRACK, scope.flags().contains(ScopeFlag.FAST_TRACK))
                .putValue(ScreeningProcess.SCOPE_HOSTING, hosting);
        Map<String, Object> result = EngineGate.asApplication(() -> decisions
                .evaluateDecisionTableByKey(ScreeningProcess.HANDLING_DECISION_KEY, variables).getSingleResult().getEntryMap());
        return new FastTrackHandling((String) result.get(ScreeningProcess.HANDLING_RULE),
                (Boolean) result.get(ScreeningProcess.SKIP_TRIAGE),
                (Integer) result.get(ScreeningProcess.HANDLING_DEADLINE_WORKING_DAYS),
                (Boolean) result.get(ScreeningProcess.AUTOMATIC_DECISION));
    }
}
