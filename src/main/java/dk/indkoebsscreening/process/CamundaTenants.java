package dk.indkoebsscreening.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The municipalities as Camunda tenants, and who reaches them: a tenant's members are the municipality's groups, so a
 * user the engine knows (a demo user, one created in Camunda Admin, one signed in with OpenID Connect whose groups come
 * from the token) reaches a municipality's processes through the groups they are in.
 */
@Component
public class CamundaTenants {

    private static final Logger log = LoggerFactory.getLogger(CamundaTenants.class);

    /** Written once the rows of the processes from before municipalities were tenants have been given the installation's. */
    private static final String CLAIMED = "indkoeb.untenanted-rows-claimed-by";

    /**
     * Camunda's tables whose rows belong to a process instance, each with the column naming it: a row with it and no
     * tenant is from before. Rows of no process instance (the shared definitions, their timer start jobs, the history
     * clean-up job) keep no tenant.
     */
    private static final Map<String, String> PROCESS_ROWS = Map.ofEntries(
            Map.entry("ACT_RU_EXECUTION", "PROC_INST_ID_"), Map.entry("ACT_RU_TASK", "PROC_INST_ID_"),
            Map.entry("ACT_RU_VARIABLE", "PROC_INST_ID_"), Map.entry("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_"),
            Map.entry("ACT_RU_INCIDENT", "PROC_INST_ID_"), Map.entry("ACT_RU_EXT_TASK", "PROC_INST_ID_"),
            Map.entry("ACT_RU_JOB", "PROCESS_INSTANCE_ID_"), Map.entry("ACT_RU_IDENTITYLINK", "TASK_ID_"),
            Map.entry("ACT_GE_BYTEARRAY", "ROOT_PROC_INST_ID_"),
            Map.entry("ACT_HI_PROCINST", "PROC_INST_ID_"), Map.entry("ACT_HI_ACTINST", "PROC_INST_ID_"),
            Map.entry("ACT_HI_TASKINST", "PROC_INST_ID_"), Map.entry("ACT_HI_VARINST", "PROC_INST_ID_"),
            Map.entry("ACT_HI_DETAIL", "PROC_INST_ID_"), Map.entry("ACT_HI_COMMENT", "PROC_INST_ID_"),
            Map.entry("ACT_HI_ATTACHMENT", "PROC_INST_ID_"), Map.entry("ACT_HI_OP_LOG", "PROC_INST_ID_"),
            Map.entry("ACT_HI_INCIDENT", "PROC_INST_ID_"), Map.entry("ACT_HI_EXT_TASK_LOG", "PROC_INST_ID_"),
            Map.entry("ACT_HI_DECINST", "ROOT_PROC_INST_ID_"), Map.entry("ACT_HI_DEC_IN", "ROOT_PROC_INST_ID_"),
            Map.entry("ACT_HI_DEC_OUT", "ROOT_PROC_INST_ID_"), Map.entry("ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_"),
            Map.entry("ACT_HI_JOB_LOG", "PROCESS_INSTANCE_ID_"));

    private final IdentityService identityService;

    CamundaTenants(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Creates the municipality's tenant unless it exists; called at start for the installation's, and when one is added. */
    public void ensure(String municipalityId, String name) {
        if (identityService.createTenantQuery().tenantId(municipalityId).count() == 0) {
            Tenant tenant = identityService.newTenant(municipalityId);
            tenant.setName(name);
            identityService.saveTenant(tenant);
            log.info("Created the engine's tenant {} ({})", municipalityId, name);
        }
    }

    /** Makes these groups members of the municipality's tenant, those that are not yet. */
    public void admit(String municipalityId, Collection<String> groups) {
        for (String group : groups) {
            if (identityService.createTenantQuery().tenantId(municipalityId).groupMember(group).count() == 0) {
                identityService.createTenantGroupMembership(municipalityId, group);
            }
        }
    }

    /**
     * The tenants a signed-in user reaches, by their groups from our login (an OpenID Connect user's are in no Camunda
     * table) and by Camunda's own memberships of the user and their groups.
     */
    public static List<String> reachedBy(IdentityService identity, String user, Collection<String> groups) {
        Stream<Tenant> byGroup = groups.stream().flatMap(group -> identity.createTenantQuery().groupMember(group).list().stream());
        Stream<Tenant> byUser = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream();
        return List.copyOf(Stream.concat(byGroup, byUser).map(Tenant::getId).collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * Gives the rows of processes started before municipalities were tenants (no tenant) the installation's municipality,
     * once: afterwards the marker property says so and start-up skips it. Runs as soon as the engine is built, before
     * its job executor, on Camunda's own tables only (Flyway's order is untouched).
     */
    static void claimUntenantedRows(ProcessEngine engine, String municipality) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            try {
                claimUntenantedRows(context.getDbSqlSession().getSqlSession().getConnection(), municipality);
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not give the processes from before tenants the installation's municipality", e);
            }
        });
    }

    /**
     * The installation's municipality id names its rows in the database and the engine: changed after the first start,
     * every existing request and process would seem gone and a new, empty municipality would begin.
     */
    private static void requireSameMunicipality(String claimedBy, String configured) {
        if (!claimedBy.equals(configured)) {
            throw new IllegalStateException("indkoeb.municipality-id (INDKOEB_MUNICIPALITY_ID) is '" + configured
                    + "', but this database's processes and rows belong to '" + claimedBy + "': set it back to '"
                    + claimedBy + "'. A municipality's id cannot be changed once chosen.");
        }
    }

    private static void claimUntenantedRows(Connection connection, String municipality) throws SQLException {
        try (PreparedStatement marker = connection.prepareStatement("select VALUE_ from ACT_GE_PROPERTY where NAME_ = ?")) {
            marker.setString(1, CLAIMED);
            try (ResultSet claimed = marker.executeQuery()) {
                if (claimed.next()) {
                    requireSameMunicipality(claimed.getString(1), municipality);
                    return;
                }
            }
        }
        // Once, over all of the history: not within the pool's statement timeout, which would fail every start.
        try (PreparedStatement noTimeout = connection.prepareStatement("set local statement_timeout = 0")) {
            noTimeout.execute();
        }
        int claimed = 0;
        for (Map.Entry<String, String> table : PROCESS_ROWS.entrySet()) {
            // Table and column names are the constants above, never input.
            try (PreparedStatement update = connection.prepareStatement("update " + table.getKey()
                    + " set TENANT_ID_ = ? where TENANT_ID_ is null and " + table.getValue() + " is not null")) {
                update.setString(1, municipality);
                claimed += update.executeUpdate();
            }
        }
        try (PreparedStatement marker = connection.prepareStatement("insert into ACT_GE_PROPERTY (NAME_, VALUE_, REV_) values (?, ?, 1)")) {
            marker.setString(1, CLAIMED);
            marker.setString(2, municipality);
            marker.executeUpdate();
        }
        if (claimed > 0) {
            log.info("Gave {} rows of the engine's processes from before tenants the municipality {}", claimed, municipality);
        }
    }
}
