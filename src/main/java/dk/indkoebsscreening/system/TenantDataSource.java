package dk.indkoebsscreening.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source: every statement runs with the municipality of the work that issues it
 * ({@link Tenancy#current()}) as the settings the database's row-level security reads ({@code V28__tenants.sql}):
 * {@code indkoeb.tenant}, the municipality new rows belong to, and {@code indkoeb.tenants}, whose rows are visible.
 * Work outside any scope acts for the installation's municipality (as {@link InstallationProperties#scopeOfTheWork}, which
 * is bound after this is made), so an installation of one municipality behaves as
 * before municipalities.
 * <p>
 * Both are set for the session in one statement when a connection is handed out, and set again before a statement
 * is prepared in another scope than the connection's: a transaction may change scope after taking its connection —
 * Camunda's job executor takes one before it knows whose job it runs, and the model's code then acts for the process
 * instance's municipality. The pool's next borrower sets its own, so a scope is never left behind.
 * <p>
 * A page takes a connection for each of its transactions, a dozen or so, nearly always in the scope the pooled
 * connection already has: the setting is skipped when the physical connection is known to hold this scope already.
 * Known only where it was set outside a transaction (committed at once); a scope set inside one, or any rollback through
 * this connection, forgets what the connection holds, so the next borrower sets it again.
 */
public class TenantDataSource extends DelegatingDataSource {

    static final String ALL = "*";

    private final Tenancy.Scope installationScope;
    /** The scope each physical connection holds, committed; forgotten when the pool drops the connection. */
    private final Map<Connection, Tenancy.Scope> held = Collections.synchronizedMap(new WeakHashMap<>());

    public TenantDataSource(DataSource pool, String installationMunicipality) {
        super(pool);
        this.installationScope = Tenancy.Scope.of(installationMunicipality);
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
        try {
            ScopedConnection handler = new ScopedConnection(connection);
            Tenancy.Scope scope = currentScope();
            if (scope.equals(held.get(handler.physical))) {
                handler.applied = scope;
            } else {
                handler.apply(scope);
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, handler);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Tenancy.Scope currentScope() {
        return Tenancy.current().orElse(installationScope);
    }

    /** Sets the connection's scope again when a statement is prepared in another scope than the last one set. */
    private final class ScopedConnection implements InvocationHandler {

        private final Connection target;
        private final Connection physical;
        private Tenancy.Scope applied;

        ScopedConnection(Connection target) throws SQLException {
            this.target = target;
            this.physical = target.unwrap(Connection.class);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "prepareStatement", "prepareCall", "createStatement" -> {
                    Tenancy.Scope scope = currentScope();
                    if (!scope.equals(applied)) {
                        apply(scope);
                    }
                }
                case "rollback" -> {
                    // A rollback also undoes a scope set inside the transaction: set it again before the next statement.
                    applied = null;
                    held.remove(physical);
                }
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                }
                case "isWrapperFor" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        void apply(Tenancy.Scope scope) throws SQLException {
            try (PreparedStatement set = target.prepareStatement(
                    "select set_config('indkoeb.tenant', ?, false), set_config('indkoeb.tenants', ?, false)")) {
                set.setString(1, scope.tenant() == null ? "" : scope.tenant());
                set.setString(2, scope.all() ? ALL : String.join(",", new TreeSet<>(scope.visible())));
                set.execute();
            }
            applied = scope;
            if (target.getAutoCommit()) {
                held.put(physical, scope);
            } else {
                held.remove(physical);
            }
        }
    }
}
