package dk.indkoebsscreening.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V20 on a database with requests of the single personal-data value: each value becomes a set of one, and the table
 * then takes only a valid set ("none" alone).
 */
class PersonalDataMigrationTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrateToTheSingleValue() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
        flyway("19").migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target)
                .cleanDisabled(true).load();
    }

    private static UUID insertOld(String reference, String personalData) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into purchase_request (id, reference, title, system_name, vendor, need, department, requester,
                            one_off_cost_dkk, annual_cost_dkk, contract_years, expected_users, personal_data, hosting, status,
                            submitted_at, deadline)
                        values (?, ?, 'Titel', 'System', 'Leverandør', 'Behov', 'Afdeling', 'anna', 0, 9600, 1, 5, ?,
                            'CLOUD_EU', 'IN_TRIAGE', now(), now())
                        """)
                .params(id, reference, personalData).update();
        return id;
    }

    private static List<String> categoriesOf(UUID id) {
        return jdbc.sql("select unnest(personal_data_categories) from purchase_request where id = ?").param(id)
                .query(String.class).list();
    }

    @Test
    void eachSingleValueBecomesASetOfOneAndOnlyValidSetsAreTakenAfterwards() {
        UUID none = insertOld("IND-2025-0001", "NONE");
        UUID ordinary = insertOld("IND-2025-0002", "ORDINARY");
        UUID sensitive = insertOld("IND-2025-0003", "SENSITIVE");
        UUID cpr = insertOld("IND-2025-0004", "CPR");

        flyway("20").migrate();

        assertThat(categoriesOf(none)).containsExactly("NONE");
        assertThat(categoriesOf(ordinary)).containsExactly("ORDINARY");
        assertThat(categoriesOf(sensitive)).containsExactly("SENSITIVE");
        assertThat(categoriesOf(cpr)).containsExactly("CPR");
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'purchase_request' "
                + "and column_name = 'personal_data'").query(Integer.class).single()).as("the old column is gone").isZero();
        for (String wrong : List.of("{}", "{NONE,CPR}")) {
            assertThatThrownBy(() -> jdbc.sql("update purchase_request set personal_data_categories = ?::varchar[] where id = ?")
                    .params(wrong, cpr).update()).as(wrong).isInstanceOf(DataIntegrityViolationException.class);
        }
        jdbc.sql("update purchase_request set personal_data_categories = '{CPR,SENSITIVE}' where id = ?").param(cpr).update();
        assertThat(categoriesOf(cpr)).containsExactly("CPR", "SENSITIVE");
    }
}
