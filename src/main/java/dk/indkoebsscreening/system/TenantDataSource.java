package dk.indkoebsscreening.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source: every connection it hands out carries the municipality of the work that borrows it
 * ({@link Tenancy#current()}) as the settings the database's row-level security reads ({@code V28__tenants.sql}):
 * {@code indkoeb.tenant}, the municipality new rows belong to, and {@code indkoeb.tenants}, whose rows are visible.
 * Work outside any scope acts for the installation's municipality, so an installation of one municipality behaves as
 * before municipalities. Both are set for the session in one statement at every checkout: the pool's next borrower,
 * in another scope, sets its own, and a connection is never handed out with a scope left behind.
 */
public class TenantDataSource extends DelegatingDataSource {

    static final String ALL = "*";

    private final Tenancy.Scope installationScope;

    public TenantDataSource(DataSource pool, String installationMunicipality) {
        super(pool);
        this.installationScope = new Tenancy.Scope(installationMunicipality, Set.of(installationMunicipality), false);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private Connection scoped(Connection connection) throws SQLException {
        Tenancy.Scope scope = Tenancy.current().orElse(installationScope);
        try (PreparedStatement set = connection.prepareStatement(
                "select set_config('indkoeb.tenant', ?, false), set_config('indkoeb.tenants', ?, false)")) {
            set.setString(1, scope.tenant() == null ? "" : scope.tenant());
            set.setString(2, scope.all() ? ALL : String.join(",", new TreeSet<>(scope.visible())));
            set.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
