package dk.indkoebsscreening.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of the processes whose tasks people see, read with native task queries: SQL over the engine's own tables
 * ({@code ACT_RU_TASK}, {@code ACT_RE_PROCDEF}, {@code ACT_RU_IDENTITYLINK}), because the generic task
 * query builds a statement of a few hundred optional criteria on every call, which took about a fifth of
 * the request threads' CPU in a profile (BENCHMARKS.md). Camunda does not promise its table layout:
 * re-check these statements, and {@link #PROCESS_INSTANCE_OF_TASK} and {@link #businessKeyOfTask}, with every Camunda upgrade
 * (EngineTablesCoverageTest keeps such SQL in this module).
 * <p>
 * Every query sees only the tasks of the municipalities the work on this thread sees ({@link Tenancy}; outside any
 * scope, the installation's): the application calls the engine without a user, so Camunda's tenant check does not
 * apply to it.
 */
@Component
public class EngineTasks {

    /** A sub-select for the process instance of the task given as the statement's parameter. */
    public static final String PROCESS_INSTANCE_OF_TASK = "(select proc_inst_id_ from act_ru_task where id_ = ?)";

    /**
     * A sub-select for the business key of the task given as the statement's parameter, if the task is one of this
     * process's (the key is a constant, never input).
     */
    public static String businessKeyOfTask(String processKey) {
        if (!processKey.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not a process key: " + processKey);
        }
        return "(select E.business_key_ from act_ru_task T join act_ru_execution E on E.id_ = T.proc_inst_id_ "
                + "join act_re_procdef D on D.id_ = E.proc_def_id_ where T.id_ = ? and D.key_ = '" + processKey + "')";
    }

    private static final String OPEN_TASKS = "select T.* from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ "
            + "where D.KEY_ in (%s) and T.SUSPENSION_STATE_ = 1 and (T.ASSIGNEE_ = #{username}"
            + " or exists (select 1 from ACT_RU_IDENTITYLINK U where U.TASK_ID_ = T.ID_ and U.TYPE_ = 'candidate' and U.USER_ID_ = #{username})%s)";
    private static final String CANDIDATE_GROUP = " or exists (select 1 from ACT_RU_IDENTITYLINK L where L.TASK_ID_ = T.ID_ "
            + "and L.TYPE_ = 'candidate' and L.GROUP_ID_ in (%s))";

    private final TaskService taskService;
    private final HistoryService historyService;
    private final InstallationProperties installation;
    private final JdbcClient jdbc;

    EngineTasks(TaskService taskService, HistoryService historyService, InstallationProperties installation, JdbcClient jdbc) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.installation = installation;
        this.jdbc = jdbc;
    }

    /** The first of {@link #openTasksFor}'s tasks of each kind and how many there are of each kind (task definition key). */
    public record Preview(List<Task> first, Map<String, Long> countByKey) {
    }

    /**
     * Of the tasks {@link #openTasksFor} lists that are of these kinds: the first {@code perKind} of each kind, soonest due
     * first, and the number of each, in one statement, so an inbox of thousands of tasks (a shared organisation's expert
     * for 25 municipalities) reads only what it shows.
     */
    public Preview preview(String username, Collection<String> groups, Collection<String> processKeys,
                           Collection<String> taskDefinitionKeys, int perKind) {
        List<String> groupList = List.copyOf(groups);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", username);
        bind(parameters, "key", List.copyOf(processKeys));
        bind(parameters, "group", groupList);
        bind(parameters, "task", List.copyOf(taskDefinitionKeys));
        String ranked = OPEN_TASKS.replace("select T.*", "select T.ID_ as id, T.TASK_DEF_KEY_ as kind, count(*) over (partition by"
                        + " T.TASK_DEF_KEY_) as of_kind, row_number() over (partition by T.TASK_DEF_KEY_ order by T.DUE_DATE_ nulls last,"
                        + " T.CREATE_TIME_, T.ID_) as place")
                .formatted(parameters("key", processKeys.size()),
                        groupList.isEmpty() ? "" : CANDIDATE_GROUP.formatted(parameters("group", groupList.size())))
                + " and T.TASK_DEF_KEY_ in (" + parameters("task", taskDefinitionKeys.size()) + ")" + visibleClause("T.", parameters);
        parameters.put("perKind", perKind);
        List<String> first = new ArrayList<>();
        Map<String, Long> countByKey = new HashMap<>();
        // The statement is written for the engine's native queries (MyBatis' #{name}); JdbcClient names them :name.
        jdbc.sql(("select id, kind, of_kind from (" + ranked + ") ranked where place <= #{perKind}").replaceAll("#\\{(\\w+)}", ":$1"))
                .params(parameters)
                .query(row -> {
                    first.add(row.getString("id"));
                    countByKey.put(row.getString("kind"), row.getLong("of_kind"));
                });
        if (first.isEmpty()) {
            return new Preview(List.of(), Map.of());
        }
        NativeTaskQuery tasks = taskService.createNativeTaskQuery().sql("select * from ACT_RU_TASK where ID_ in ("
                + parameters("id", first.size()) + ")");
        bind(tasks, "id", first);
        return new Preview(tasks.list(), countByKey);
    }

    /** Open tasks of these processes assigned to the user, offered to the user (a system's owner) or to one of the groups. */
    public List<Task> openTasksFor(String username, Collection<String> groups, Collection<String> processKeys) {
        List<String> groupList = List.copyOf(groups);
        NativeTaskQuery query = visible(OPEN_TASKS.formatted(parameters("key", processKeys.size()),
                        groupList.isEmpty() ? "" : CANDIDATE_GROUP.formatted(parameters("group", groupList.size()))), "T.")
                .parameter("username", username);
        bind(query, "key", List.copyOf(processKeys));
        bind(query, "group", groupList);
        return query.list();
    }

    /**
     * How many of the tasks {@link #openTasksFor} lists are of these kinds (task definition keys): one count over the
     * same tables and indexes, cheap enough for the menu of every page.
     */
    public long countOpenTasksFor(String username, Collection<String> groups, Collection<String> processKeys,
                                  Collection<String> taskDefinitionKeys) {
        List<String> groupList = List.copyOf(groups);
        NativeTaskQuery query = visible(OPEN_TASKS.replace("select T.*", "select count(*)").formatted(parameters("key", processKeys.size()),
                        groupList.isEmpty() ? "" : CANDIDATE_GROUP.formatted(parameters("group", groupList.size())))
                        + " and T.TASK_DEF_KEY_ in (" + parameters("task", taskDefinitionKeys.size()) + ")", "T.")
                .parameter("username", username);
        bind(query, "key", List.copyOf(processKeys));
        bind(query, "group", groupList);
        bind(query, "task", List.copyOf(taskDefinitionKeys));
        return query.count();
    }

    /**
     * Whether the user has a task on this process instance (open: assigned to them, or offered to them or one of the
     * groups) or had one (completed or handed on while assigned to them): how the shared organisation's experts reach
     * a municipality's request. Only the visible municipalities' tasks count.
     */
    public boolean involves(String processInstanceId, String username, Collection<String> groups) {
        List<String> groupList = List.copyOf(groups);
        NativeTaskQuery open = visible("select count(*) from ACT_RU_TASK T where T.PROC_INST_ID_ = #{processInstanceId}"
                + " and (T.ASSIGNEE_ = #{username} or exists (select 1 from ACT_RU_IDENTITYLINK U where U.TASK_ID_ = T.ID_"
                + " and U.TYPE_ = 'candidate' and U.USER_ID_ = #{username})"
                + (groupList.isEmpty() ? "" : CANDIDATE_GROUP.formatted(parameters("group", groupList.size()))) + ")", "T.")
                .parameter("processInstanceId", processInstanceId)
                .parameter("username", username);
        bind(open, "group", groupList);
        if (open.count() > 0) {
            return true;
        }
        HistoricTaskInstanceQuery had = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).taskAssignee(username);
        visibleMunicipalities().ifPresent(tenants -> had.tenantIdIn(tenants.toArray(String[]::new)));
        return had.count() > 0;
    }

    private static String parameters(String name, int count) {
        return IntStream.range(0, count).mapToObj(i -> "#{" + name + i + "}").collect(Collectors.joining(", "));
    }

    private static void bind(NativeTaskQuery query, String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            query.parameter(name + i, values.get(i));
        }
    }

    /** The municipalities whose tasks the work on this thread sees; empty when it sees every municipality's. */
    private Optional<List<String>> visibleMunicipalities() {
        Tenancy.Scope scope = installation.scopeOfTheWork();
        return scope.all() ? Optional.empty() : Optional.of(List.copyOf(scope.visible()));
    }

    /** A native task query of this statement (a where clause at its end) and of the visible municipalities' tasks only. */
    private NativeTaskQuery visible(String sql, String taskTable) {
        Map<String, Object> tenants = new HashMap<>();
        NativeTaskQuery query = taskService.createNativeTaskQuery().sql(sql + visibleClause(taskTable, tenants));
        tenants.forEach(query::parameter);
        return query;
    }

    /** The condition that keeps a statement to the visible municipalities' tasks, its parameters put into the map. */
    private String visibleClause(String taskTable, Map<String, Object> parameters) {
        Optional<List<String>> municipalities = visibleMunicipalities();
        if (municipalities.isEmpty()) {
            return "";
        }
        List<String> tenants = municipalities.get();
        bind(parameters, "tenant", tenants);
        return tenants.isEmpty() ? " and 1 = 0" : " and " + taskTable + "TENANT_ID_ in (" + parameters("tenant", tenants.size()) + ")";
    }

    private static void bind(Map<String, Object> parameters, String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            parameters.put(name + i, values.get(i));
        }
    }

    public Optional<Task> openTask(String taskId) {
        return Optional.ofNullable(visible("select * from ACT_RU_TASK where ID_ = #{taskId}", "")
                .parameter("taskId", taskId)
                .singleResult());
    }

    /** The task if it once existed and has been completed, as the history keeps it. */
    public Optional<HistoricTaskInstance> finishedTask(String taskId) {
        HistoricTaskInstanceQuery query = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished();
        visibleMunicipalities().ifPresent(tenants -> query.tenantIdIn(tenants.toArray(String[]::new)));
        return Optional.ofNullable(query.singleResult());
    }

    /** Open tasks of these processes offered to the group (whoever has claimed them), for the check of who covers it. */
    public List<Task> offeredTo(String group, Collection<String> processKeys) {
        NativeTaskQuery query = visible("select T.* from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ "
                        + "where D.KEY_ in (" + parameters("key", processKeys.size()) + ") and T.SUSPENSION_STATE_ = 1"
                        + " and exists (select 1 from ACT_RU_IDENTITYLINK L where L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate'"
                        + " and L.GROUP_ID_ = #{group})", "T.")
                .parameter("group", group);
        bind(query, "key", List.copyOf(processKeys));
        return query.list();
    }

    /** The open tasks of these processes assigned to this user. */
    public List<Task> assignedTo(String username, Collection<String> processKeys) {
        NativeTaskQuery query = visible("select T.* from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ "
                        + "where D.KEY_ in (" + parameters("key", processKeys.size()) + ") and T.ASSIGNEE_ = #{username}", "T.")
                .parameter("username", username);
        bind(query, "key", List.copyOf(processKeys));
        return query.list();
    }

    /** Every open task of one process instance. */
    public List<Task> openTasksOf(String processInstanceId) {
        return visible("select * from ACT_RU_TASK where PROC_INST_ID_ = #{processInstanceId}", "")
                .parameter("processInstanceId", processInstanceId)
                .list();
    }

    /**
     * The open task of this kind in this process instance about one thing of several, such as one condition of a
     * parallel follow-up: the task whose scope holds the variable with this value.
     */
    public Optional<Task> openTask(String processInstanceId, String taskDefinitionKey, String variable, String value) {
        return visible("select * from ACT_RU_TASK where PROC_INST_ID_ = #{processInstanceId} and TASK_DEF_KEY_ = #{key}", "")
                .parameter("processInstanceId", processInstanceId)
                .parameter("key", taskDefinitionKey)
                .list().stream()
                .filter(task -> value.equals(String.valueOf(taskService.getVariable(task.getId(), variable))))
                .findFirst();
    }

    /** The open task of this kind in this process instance, e.g. the question to the requester. */
    public Optional<Task> openTask(String processInstanceId, String taskDefinitionKey) {
        return visible("select * from ACT_RU_TASK where PROC_INST_ID_ = #{processInstanceId} and TASK_DEF_KEY_ = #{key}", "")
                .parameter("processInstanceId", processInstanceId)
                .parameter("key", taskDefinitionKey)
                .list().stream().findFirst();
    }
}
