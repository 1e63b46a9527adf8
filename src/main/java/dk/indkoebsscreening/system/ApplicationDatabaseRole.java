package dk.indkoebsscreening.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The application's database role must be one that row-level security applies to: a superuser or a role with
 * BYPASSRLS sees every municipality's rows whatever the connection's settings, so the application refuses to start
 * with one ({@link ApplicationDatabaseRoleException}) rather than run without its second line.
 */
final class ApplicationDatabaseRole {

    private ApplicationDatabaseRole() {
    }

    static void requireRowSecurity(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet role = statement.executeQuery(
                     "select rolname, rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
            role.next();
            if (role.getBoolean(2)) {
                throw new ApplicationDatabaseRoleException(role.getString(1));
            }
        }
    }
}
