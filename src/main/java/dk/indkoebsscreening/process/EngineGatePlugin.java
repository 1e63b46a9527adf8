package dk.indkoebsscreening.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.query.NativeQuery;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine itself refuse what only the application may do, whoever asks and through whichever
 * of Camunda's doors ({@code /engine-rest}, the webapps' {@code /camunda/api/engine}, Cockpit):
 * <ul>
 *   <li>An outside caller ({@link EngineGate}) may read, retry failed jobs (not running ones, not with a new
 *       due date, not in batches), annotate and resolve incidents,
 *       and administer users, groups and authorizations. Every other command (completing, claiming or
 *       changing a task, writing a variable, moving or running a timer or job, starting, modifying,
 *       suspending or cancelling an instance, correlating a message, deploying) is refused with
 *       Camunda's {@link AuthorizationException}, which both REST APIs answer with 403, before the
 *       command runs: nothing changes.</li>
 *   <li>Every user task of every deployed model refuses to complete unless the application's task step
 *       completes it ({@link EngineGate#completingTask}), so a task's outcome is always validated and
 *       recorded in our tables and the outbox first.</li>
 * </ul>
 */
@Component
public class EngineGatePlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineGatePlugin.class);

    /** Camunda's commands that only read, by Camunda's naming; the commands of its reports read too. */
    private static final Pattern READ_COMMAND = Pattern.compile("(Get|Find|Is)[A-Z]\\w*|\\w*Query\\w*|ExecuteFilter\\w*");
    private static final Set<String> WRITES_DESPITE_NAME = Set.of("GetNextIdBlockCmd");

    /** Besides reading, what operators may do: repairs that change no business state, and user administration. */
    private static final Set<String> OPERATOR_COMMANDS = Set.of(
            // Retry failed jobs, one or per job definition (see retriesOnlyFailedJobs); not in batches, whose
            // queries could reach running timers.
            "SetJobRetriesCmd", "SetAnnotationForIncidentCmd", "ResolveIncidentCmd",
            // Camunda Admin: users, groups, tenants and authorizations; logging in to the webapps.
            "CheckPassword", "AuthorizationCheckCmd", "UnlockUserCmd",
            "CreateUserCmd", "SaveUserCmd", "DeleteUserCmd", "SetUserInfoCmd", "DeleteUserInfoCmd",
            "SetUserPictureCmd", "DeleteUserPictureCmd",
            "CreateGroupCmd", "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd",
            "CreateTenantCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd",
            "CreateTenantGroupMembershipCmd", "DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd",
            "CreateAuthorizationCommand", "SaveAuthorizationCmd", "DeleteAuthorizationCmd");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new OutsideCallerInterceptor()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new OutsideCallerInterceptor()));
        List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(new CompletionOnlyByTheApplication());
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }

    /**
     * Whether an outside caller may run this command; {@code engine} runs the read a job retry needs.
     */
    static boolean permitsOutsideCaller(Command<?> command, CommandExecutor engine) {
        return permitsOutsideCaller(command.getClass())
                && (!(command instanceof SetJobRetriesCmd retry) || retriesOnlyFailedJobs(retry, engine));
    }

    /** Whether an outside caller may run commands of this type (some only with harmless arguments). */
    static boolean permitsOutsideCaller(Class<?> type) {
        if (Query.class.isAssignableFrom(type) || NativeQuery.class.isAssignableFrom(type)) {
            return true;
        }
        if (!type.getName().startsWith("org.camunda.bpm.")) {
            return false;
        }
        String name = type.getSimpleName();
        boolean reads = READ_COMMAND.matcher(name).matches() && !WRITES_DESPITE_NAME.contains(name)
                || type.getEnclosingClass() != null && type.getEnclosingClass().getSimpleName().endsWith("ReportImpl");
        return reads || OPERATOR_COMMANDS.contains(name);
    }

    /**
     * A retry is a repair only when it gives failed jobs (no retries left, each one the caller sees) a number of retries and leaves
     * their due date: retries of 0 would stop a running timer, a new due date would move it (Camunda 7.20+).
     * Retries per job definition touch only its failed jobs (Camunda's updateFailedJobRetriesByJobDefinitionId).
     * The fields are Camunda 7.24's; if an upgrade renames them, every retry is refused (EngineGatePluginTest).
     */
    private static boolean retriesOnlyFailedJobs(SetJobRetriesCmd retry, CommandExecutor engine) {
        try {
            if (field(retry, "retries", Integer.class) <= 0 || field(retry, "isDueDateSet", Boolean.class)) {
                return false;
            }
            if (field(retry, "jobDefinitionId", String.class) != null) {
                return true;
            }
            Set<String> jobs = new HashSet<>();
            String jobId = field(retry, "jobId", String.class);
            if (jobId != null) {
                jobs.add(jobId);
            }
            List<?> jobIds = field(retry, "jobIds", List.class);
            if (jobIds != null) {
                jobIds.forEach(id -> jobs.add(String.valueOf(id)));
            }
            // Every job named must be one the caller sees (Camunda's tenant check) and has failed: a job of another
            // municipality counts as not found, and the retry is refused before Camunda's own check would answer 500.
            return !jobs.isEmpty() && new JobQueryImpl(engine).jobIds(jobs).noRetriesLeft().count() == jobs.size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static <T> T field(SetJobRetriesCmd retry, String name, Class<T> type) throws ReflectiveOperationException {
        Field field = SetJobRetriesCmd.class.getDeclaredField(name);
        field.setAccessible(true);
        return type.cast(field.get(retry));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(0, added);
        return interceptors;
    }

    static AuthorizationException refusal(String what) {
        return new AuthorizationException("Indkøbsscreening refuses " + what + " through Camunda's APIs: requests, "
                + "tasks, variables and timers change only through the application's own steps. Operators may read, "
                + "retry failed jobs, annotate and resolve incidents, and administer users and groups.");
    }

    /** Checks the outermost command of an outside caller; what an allowed command runs inside it is part of it. */
    private static final class OutsideCallerInterceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() == null && EngineGate.isOutsideCaller() && !permitsOutsideCaller(command, next)) {
                log.warn("Refused {} to an outside caller of the engine", command.getClass().getSimpleName());
                throw refusal(command.getClass().getSimpleName());
            }
            return next.execute(command);
        }
    }

    /** Adds a built-in "complete" listener (built-in ones run even when custom listeners are skipped) to every user task. */
    private static final class CompletionOnlyByTheApplication extends AbstractBpmnParseListener {

        private static final TaskListener GUARD = task -> {
            if (!EngineGate.isCompletingTask(task.getId())) {
                throw refusal("completing user task " + task.getTaskDefinitionKey());
            }
        };

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, GUARD);
        }
    }
}
