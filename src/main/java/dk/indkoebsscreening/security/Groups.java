package dk.indkoebsscreening.security;

import dk.indkoebsscreening.process.Area;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Group ids, the same in Spring Security (as authorities) and in Camunda's identity service. */
public final class Groups {

    public static final String STAFF = "staff";
    public static final String COORDINATORS = "coordinators";
    /** Camunda's own administrators group: full access to Cockpit, Admin and the REST API. */
    public static final String ADMINS = "camunda-admin";
    public static final String SCREENING_PREFIX = "screening-";
    /**
     * The only authority of a vendor's session (opened through the link of an invitation): never a group of ours
     * nor of Camunda's, so a vendor reaches the vendor's pages and nothing that needs one of {@link #all()}.
     */
    public static final String VENDOR = "VENDOR";

    private static final Set<String> OURS = Stream.concat(Stream.of(STAFF), Arrays.stream(screeningParticipants()))
            .collect(Collectors.toUnmodifiableSet());

    /** The groups that take part in screening (see {@link CurrentUser#takesPartInScreening()}). */
    public static String[] screeningParticipants() {
        return Stream.concat(Stream.of(COORDINATORS, ADMINS), Arrays.stream(Area.values()).map(Area::candidateGroup))
                .toArray(String[]::new);
    }

    /**
     * Every group this application knows. A login in none of them (e.g. an OpenID Connect token carrying only
     * the municipality's other groups) reaches nothing but the page that says so.
     */
    public static String[] all() {
        return OURS.toArray(String[]::new);
    }

    public static boolean isOurs(String group) {
        return OURS.contains(group);
    }

    private Groups() {
    }
}
