package dk.indkoebsscreening.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why the application refused its database role and what role to give it instead, not a stack trace. */
class ApplicationDatabaseRoleFailureAnalyzer extends AbstractFailureAnalyzer<ApplicationDatabaseRoleException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ApplicationDatabaseRoleException cause) {
        return new FailureAnalysis(
                "The application connects to PostgreSQL as the role \"" + cause.role() + "\", a superuser or a role with"
                        + " BYPASSRLS. Row-level security, which keeps each municipality's rows from the others, does not"
                        + " apply to such a role, so the application does not start with it.",
                "Connect as a role of its own that owns the application's database but is neither superuser nor"
                        + " BYPASSRLS (docs/configuration.md, \"The database role\"; docker/postgres-init/ creates one),"
                        + " and set SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to it.",
                cause);
    }
}
