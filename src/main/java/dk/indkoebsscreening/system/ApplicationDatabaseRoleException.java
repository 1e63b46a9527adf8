package dk.indkoebsscreening.system;

/**
 * The application was given a database role that row-level security does not apply to (a superuser or one with
 * BYPASSRLS): every municipality's rows would be open to every query. {@link ApplicationDatabaseRoleFailureAnalyzer}
 * says what to do.
 */
class ApplicationDatabaseRoleException extends IllegalStateException {

    private final String role;

    ApplicationDatabaseRoleException(String role) {
        super("The database role " + role + " is a superuser or bypasses row-level security");
        this.role = role;
    }

    String role() {
        return role;
    }
}
