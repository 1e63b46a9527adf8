package dk.indkoebsscreening.security;

/** Group ids, the same in Spring Security (as authorities) and in Camunda's identity service. */
public final class Groups {

    public static final String STAFF = "staff";
    public static final String COORDINATORS = "coordinators";
    /** Camunda's own administrators group: full access to Cockpit, Admin and the REST API. */
    public static final String ADMINS = "camunda-admin";
    public static final String SCREENING_PREFIX = "screening-";

    private Groups() {
    }
}
