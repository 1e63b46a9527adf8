package dk.indkoebsscreening.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL's application role: bound by row-level security, and owner of the tables of a cluster kept
 * from before it existed, whose tables the superuser made.
 */
class EmbeddedPostgresApplicationRoleTest {

    @TempDir
    Path workDirectory;

    @Test
    void aKeptClustersTablesPassToTheApplicationsRoleWhichNoRowSecurityLetsPass() throws Exception {
        Path dataDirectory = workDirectory.resolve("postgres");
        EmbeddedPostgresProperties kept = new EmbeddedPostgresProperties(true, dataDirectory.toString(), 0);
        try (EmbeddedPostgresServer before = EmbeddedPostgresServer.start(kept);
             Connection superuser = DriverManager.getConnection(before.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, before.password())) {
            // As an earlier version left a cluster: the schema and its tables the superuser's.
            superuser.createStatement().execute("create table made_before (id bigserial primary key, name text)");
            superuser.createStatement().execute("reassign owned by " + EmbeddedPostgresServer.APPLICATION_ROLE + " to postgres");
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(kept);
             Connection application = DriverManager.getConnection(restarted.jdbcUrl(), EmbeddedPostgresServer.APPLICATION_ROLE,
                     restarted.applicationPassword());
             Statement statement = application.createStatement()) {
            statement.execute("insert into made_before (name) values ('kept')");
            assertThat(single(statement, "select tableowner from pg_tables where tablename = 'made_before'"))
                    .isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
            assertThat(single(statement, "select rolsuper or rolbypassrls from pg_roles where rolname = current_user"))
                    .isEqualTo("f");
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
