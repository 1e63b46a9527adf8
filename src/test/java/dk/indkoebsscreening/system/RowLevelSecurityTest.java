package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dk.indkoebsscreening.testsupport.ApiTestBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL keeps each municipality's rows from the others, whatever a query asks: the attacker's view is a plain
 * query of one municipality's connection that names another's rows. Two municipalities, nordby and sydby, are made
 * here beside the installation's own and removed again.
 */
class RowLevelSecurityTest extends ApiTestBase {

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    private final List<UUID> requests = new ArrayList<>();

    @AfterEach
    void removeTheRequests() {
        Tenancy.runAcross(() -> requests.forEach(id -> {
            jdbc.sql("delete from case_history where request_id = ?").param(id).update();
            jdbc.sql("delete from purchase_request where id = ?").param(id).update();
        }));
    }

    /**
     * Tables that belong to no single municipality: the municipalities themselves (kept by the shared organisation's
     * administrators) and the login throttle's counts (a login is counted before anyone knows whose user it is); and the
     * search's words of the requests, which carry their municipality but are read only joined to purchase_request,
     * under its policy (row-level security would keep the text indexes from every query: no text operator is leakproof).
     */
    private static final String SHARED_TABLES = "'municipality', 'municipality_group_mailbox', 'login_failure', 'request_words'";

    /** From the catalogue: a new table that forgets {@code make_tenant_owned} fails here. */
    @Test
    void everyTableOfOursBelongsToMunicipalitiesUnderForcedRowLevelSecurity() {
        List<Map<String, Object>> tables = jdbc.sql("""
                        select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                            (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                and not a.attisdropped) as tenant_id_not_null,
                            (select count(*) from pg_policy p where p.polrelid = c.oid) as policies
                        from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                          and c.relname not like 'act\\_%%' and c.relname <> 'flyway_schema_history'
                          and c.relname not in (%s)
                        order by c.relname
                        """.formatted(SHARED_TABLES))
                .query().listOfRows();

        assertThat(tables).hasSizeGreaterThanOrEqualTo(32);
        assertThat(tables).allSatisfy(table -> assertThat(table).as("table %s", table.get("name"))
                .containsEntry("enabled", true).containsEntry("forced", true)
                .containsEntry("tenant_id_not_null", true).containsEntry("policies", 1L));
    }

    @Test
    void aMunicipalitySeesChangesAndMovesNothingOfAnothers() {
        UUID sydby = Tenancy.callAs("sydby", () -> insertRequest("IND-2026-9999", "Sydbys indkøb"));
        UUID nordby = Tenancy.callAs("nordby", () -> insertRequest("IND-2026-9999", "Nordbys indkøb"));
        // Work across all writes a request's rows into the request's municipality.
        Tenancy.runAcross(() -> addHistory(sydby));

        Tenancy.runAs("nordby", () -> {
            assertThat(jdbc.sql("select id from purchase_request where reference = 'IND-2026-9999'").query(UUID.class).list())
                    .containsExactly(nordby);
            assertThat(jdbc.sql("select count(*) from case_history where request_id = ?").param(sydby).query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("update purchase_request set title = 'Taget' where id = ?").param(sydby).update()).isZero();
            assertThat(jdbc.sql("delete from case_history where request_id = ?").param(sydby).update()).isZero();
            assertThat(jdbc.sql("delete from purchase_request where id = ?").param(sydby).update()).isZero();
            assertThat(sqlState(() -> jdbc.sql("update purchase_request set tenant_id = 'sydby' where id = ?")
                    .param(nordby).update())).isEqualTo("42501");
            assertThat(sqlState(() -> jdbc.sql("insert into case_history (request_id, at, kind) values (?, now(), 'NOTE')")
                    .param(sydby).update())).as("a row of its own on another's request").isEqualTo("42501");
        });
        assertThat(sqlState(() -> Tenancy.runAs("nordby", () -> insertRequestOf("sydby"))))
                .as("a row in another municipality").isEqualTo("42501");

        Tenancy.runAcross(() -> {
            assertThat(jdbc.sql("select tenant_id || ': ' || title from purchase_request where reference = 'IND-2026-9999'"
                    + " order by tenant_id").query(String.class).list())
                    .containsExactly("nordby: Nordbys indkøb", "sydby: Sydbys indkøb");
            assertThat(jdbc.sql("select tenant_id from case_history where request_id = ?").param(sydby).query(String.class).list())
                    .containsExactly("sydby");
        });
    }

    @Test
    void aRowWithoutAMunicipalityIsRefused() {
        assertThat(sqlState(() -> Tenancy.callAcross(() -> insertRequest("IND-2026-9998", "Ingens indkøb"))))
                .isEqualTo("23502");
        Tenancy.runAcross(() -> assertThat(jdbc.sql("select count(*) from purchase_request where reference = 'IND-2026-9998'")
                .query(Long.class).single()).isZero());
    }

    @Test
    void outsideAnyScopeAConnectionActsForTheInstallationsMunicipalityAndNoScopeIsLeftOnAPooledConnection() {
        Tenancy.runAs("sydby", () -> assertThat(settings()).isEqualTo("sydby/sydby"));
        assertThat(settings()).as("the demo's installation municipality").isEqualTo("nordby/nordby");
        Tenancy.runAcross(() -> assertThat(settings()).isEqualTo("/*"));
    }

    /** Camunda's job executor takes its connection before it knows whose job it runs; the model's code then acts for the job's. */
    @Test
    void aTransactionThatChangesScopeAfterTakingItsConnectionWritesAndReadsInTheNewScope() {
        UUID[] sydbys = new UUID[1];
        transactions.executeWithoutResult(status -> {
            assertThat(settings()).isEqualTo("nordby/nordby");
            Tenancy.runAs("sydby", () -> {
                sydbys[0] = insertRequest("IND-2026-9996", "Sydbys indkøb");
                assertThat(settings()).isEqualTo("sydby/sydby");
            });
            assertThat(jdbc.sql("select count(*) from purchase_request where id = ?").param(sydbys[0]).query(Long.class).single())
                    .as("back in the installation's scope on the same connection").isZero();
        });
        Tenancy.runAcross(() -> assertThat(jdbc.sql("select tenant_id from purchase_request where id = ?").param(sydbys[0])
                .query(String.class).single()).isEqualTo("sydby"));
    }

    @Test
    void aRollbackThatUndoesAScopeSetInsideItsTransactionLeavesNoOtherScopeOnTheConnection() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Tenancy.runAs("sydby", () -> assertThat(settingsOf(connection)).isEqualTo("sydby/sydby"));
            connection.rollback();
            Tenancy.runAs("sydby", () -> assertThat(settingsOf(connection)).isEqualTo("sydby/sydby"));
            connection.rollback();
            assertThat(settingsOf(connection)).isEqualTo("nordby/nordby");
            connection.setAutoCommit(true);
        }
    }

    /**
     * The data source remembers which scope a pooled connection holds and skips setting it again; a connection handed
     * back inside a transaction that changed scope is rolled back by the pool itself, past the data source, undoing
     * that scope: the next borrower (the same connection, on this thread) must still get its own.
     */
    @Test
    void aConnectionHandedBackInsideATransactionThatChangedScopeActsForTheNextBorrowersScope() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Tenancy.runAs("sydby", () -> assertThat(settingsOf(connection)).isEqualTo("sydby/sydby"));
        }
        for (int i = 0; i < 3; i++) {
            Tenancy.runAs("sydby", () -> {
                try (Connection next = dataSource.getConnection()) {
                    assertThat(settingsOf(next)).isEqualTo("sydby/sydby");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Connection next = dataSource.getConnection()) {
                assertThat(settingsOf(next)).isEqualTo("nordby/nordby");
            }
        }
    }

    private static String settingsOf(Connection connection) {
        try (var statement = connection.prepareStatement("select current_setting('indkoeb.tenant') || '/' || current_setting('indkoeb.tenants')");
             var result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theApplicationsRoleIsBoundByRowLevelSecurity() {
        assertThat(jdbc.sql("select current_user || ' ' || rolsuper || ' ' || rolbypassrls from pg_roles where rolname = current_user")
                .query(String.class).single()).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE + " false false");
    }

    @Test
    void aRoleThatBypassesRowLevelSecurityIsRefusedAtStart() throws SQLException {
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, postgres.password())) {
            Throwable refused = catchThrowable(() -> ApplicationDatabaseRole.requireRowSecurity(superuser));
            assertThat(refused).isInstanceOf(ApplicationDatabaseRoleException.class);
            FailureAnalysis analysis = new ApplicationDatabaseRoleFailureAnalyzer().analyze(refused);
            assertThat(analysis.getDescription()).contains("\"postgres\"", "BYPASSRLS");
            assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_USERNAME");
        }
        try (Connection application = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.APPLICATION_ROLE,
                postgres.applicationPassword())) {
            ApplicationDatabaseRole.requireRowSecurity(application);
        }
    }

    @Test
    void theOuterScopeIsBackAfterWorkThatThrew() {
        Tenancy.runAs("nordby", () -> {
            assertThatThrownBy(() -> Tenancy.runAs("sydby", () -> {
                throw new IllegalStateException("failed");
            })).hasMessage("failed");
            assertThat(Tenancy.currentTenant()).contains("nordby");
        });
        assertThat(Tenancy.current()).isEmpty();
    }

    private String settings() {
        return jdbc.sql("select current_setting('indkoeb.tenant') || '/' || current_setting('indkoeb.tenants')")
                .query(String.class).single();
    }

    private UUID insertRequest(String reference, String title) {
        UUID id = UUID.randomUUID();
        requests.add(id);
        jdbc.sql("""
                        insert into purchase_request (id, reference, title, system_name, vendor, need, department, requester,
                            one_off_cost_dkk, annual_cost_dkk, contract_years, expected_users, personal_data_categories,
                            hosting, status, submitted_at, deadline)
                        values (?, ?, ?, 'System', 'Leverandør', 'Behov', 'Afdeling', 'anna', 0, 9600, 1, 5,
                            array['NONE'], 'CLOUD_EU', 'IN_TRIAGE', now(), now())
                        """)
                .params(id, reference, title).update();
        return id;
    }

    private void insertRequestOf(String municipality) {
        UUID id = UUID.randomUUID();
        requests.add(id);
        jdbc.sql("""
                        insert into purchase_request (tenant_id, id, reference, title, system_name, vendor, need, department,
                            requester, one_off_cost_dkk, annual_cost_dkk, contract_years, expected_users,
                            personal_data_categories, hosting, status, submitted_at, deadline)
                        values (?, ?, 'IND-2026-9997', 'Titel', 'System', 'Leverandør', 'Behov', 'Afdeling', 'anna', 0, 9600, 1, 5,
                            array['NONE'], 'CLOUD_EU', 'IN_TRIAGE', now(), now())
                        """)
                .params(municipality, id).update();
    }

    private void addHistory(UUID request) {
        jdbc.sql("insert into case_history (request_id, at, kind) values (?, now(), 'NOTE')").param(request).update();
    }

    private static String sqlState(Runnable work) {
        Throwable failure = catchThrowable(work::run);
        while (failure != null && !(failure instanceof SQLException)) {
            failure = failure.getCause();
        }
        assertThat(failure).as("refused by the database").isNotNull();
        return ((SQLException) failure).getSQLState();
    }
}
