package dk.indkoebsscreening.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.stereotype.Component;

/**
 * History level {@value #NAME}: Camunda's {@code audit}, but an activity instance is kept only for user tasks and
 * end events. Those are what anyone reads back: the request's picture marks the end event reached
 * ({@code ProcessPosition}), the task's old link says who completed it, operators see the tasks; nobody reads the
 * history of gateways, timers, the decision table's task or the join (Cockpit's history view is not in the
 * Community Edition). Process instances, tasks and variables are kept as in {@code audit}. Its id is
 * {@code audit}'s, because the database holds a subset of what {@code audit} writes, so Camunda accepts either level
 * on the same database. A process running while its database switches from {@code audit} keeps the rows its
 * gateways and sub-processes got before, without an end time (only an administrator's history query for unfinished
 * activities shows them; the history cleanup removes them with the instance). Chosen by
 * {@code camunda.bpm.history-level: audit-lean} (BENCHMARKS.md has what it saves).
 */
@Component
class LeanAuditHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "audit-lean";

    private static final Set<HistoryEventType> ACTIVITY_INSTANCE_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new Level());
        configuration.setCustomHistoryLevels(levels);
    }

    static final class Level implements HistoryLevel {

        @Override
        public int getId() {
            return HISTORY_LEVEL_AUDIT.getId();
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (ACTIVITY_INSTANCE_EVENTS.contains(eventType) && entity instanceof ExecutionEntity execution
                    && execution.getActivity() != null) {
                return isReadBack(execution.getActivity());
            }
            return HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity);
        }

        private static boolean isReadBack(ActivityImpl activity) {
            String type = activity.getProperties().get(BpmnProperties.TYPE);
            return type == null || type.equals("userTask") || type.endsWith("EndEvent");
        }
    }
}
