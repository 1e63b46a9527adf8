package dk.indkoebsscreening.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With authorization on, Camunda writes an authorization row for every task's candidate group, assignee and owner
 * (and deletes them again), so that such users could open the task in Tasklist or through the REST API. Here
 * nobody but administrators reaches Tasklist or either REST API (SecurityConfiguration), and administrators hold
 * every permission through their group; the application's own steps check who may do what themselves and call
 * the engine without an authenticated user. The rows would grant nothing anyone can use, so none is written:
 * if someone other than an administrator ever reached Tasklist, they would see no task (BENCHMARKS.md has
 * what it saves). {@code indkoeb.engine.per-task-authorizations=true} restores Camunda's default.
 */
@Component
@ConditionalOnProperty(name = "indkoeb.engine.per-task-authorizations", havingValue = "false", matchIfMissing = true)
class NoTaskAuthorizations extends AbstractProcessEnginePlugin {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WithoutTasks());
    }

    /** Camunda's defaults for every other resource (deployments, process instances, users, groups). */
    static final class WithoutTasks extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTask(Task task) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }
    }
}
