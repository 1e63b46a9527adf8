package dk.indkoebsscreening.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An installation upgraded to tenants: the engine's rows of a process started before (no tenant) become the
 * installation's municipality's at start, once; the shared definitions keep none; a second start changes nothing.
 */
class UntenantedRowsTest extends ApiTestBase {

    private static final String MARKER = "indkoeb.untenanted-rows-claimed-by";
    private static final List<String> TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_variable",
            "act_hi_procinst", "act_hi_taskinst", "act_hi_varinst");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    InstallationProperties installation;

    private String deployment;

    @AfterEach
    void removeTheOldProcess() {
        repositoryService.deleteDeployment(deployment, true, true);
    }

    @Test
    void rowsOfProcessesFromBeforeTenantsBecomeTheInstallationsOnce() {
        deployment = repositoryService.createDeployment().name("from-before-tenants")
                .addModelInstance("FromBeforeTenants.bpmn", Bpmn.createExecutableProcess("FromBeforeTenants")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("waiting").endEvent().done())
                .deploy().getId();
        String instance = runtimeService.startProcessInstanceByKey("FromBeforeTenants", Map.of("note", "old")).getId();
        String marker = jdbc.sql("select value_ from act_ge_property where name_ = ?").param(MARKER).query(String.class).single();
        assertThat(marker).as("claimed when this application started").isEqualTo(installation.municipalityId());
        // As the engine's tables were before municipalities were tenants.
        TABLES.forEach(table -> jdbc.sql("update " + table + " set tenant_id_ = null where proc_inst_id_ = ?").param(instance).update());
        jdbc.sql("delete from act_ge_property where name_ = ?").param(MARKER).update();

        CamundaTenants.claimUntenantedRows(engine, installation.municipalityId());

        assertThat(tenantsOf(instance)).containsOnly(installation.municipalityId());
        assertThat(jdbc.sql("select tenant_id_ from act_re_procdef where deployment_id_ = ?").param(deployment)
                .query(String.class).list()).as("the shared definition").containsOnlyNulls();
        assertThat(jdbc.sql("select value_ from act_ge_property where name_ = ?").param(MARKER).query(String.class).single())
                .isEqualTo(installation.municipalityId());

        TABLES.forEach(table -> jdbc.sql("update " + table + " set tenant_id_ = null where proc_inst_id_ = ?").param(instance).update());
        CamundaTenants.claimUntenantedRows(engine, installation.municipalityId());
        assertThat(tenantsOf(instance)).as("claimed once only: the marker stops a second run").containsOnlyNulls();
        assertThatThrownBy(() -> CamundaTenants.claimUntenantedRows(engine, "other"))
                .as("the installation's municipality id changed after its first start")
                .hasMessageContaining("INDKOEB_MUNICIPALITY_ID").hasMessageContaining("'other'");
        assertThat(tenantsOf(instance)).containsOnlyNulls();

        TABLES.forEach(table -> jdbc.sql("update " + table + " set tenant_id_ = ? where proc_inst_id_ = ?")
                .params(installation.municipalityId(), instance).update());
    }

    private List<String> tenantsOf(String instance) {
        return TABLES.stream().flatMap(table -> jdbc.sql("select tenant_id_ from " + table + " where proc_inst_id_ = ?")
                .param(instance).query(String.class).list().stream()).toList();
    }
}
