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
     * The shared IT-service organisation's people: they belong to no municipality, and reach a municipality's request
     * only through a task routed to one of their {@linkplain Area#sharedCandidateGroup() shared groups}.
     */
    public static final String SHARED_ORGANISATION = "shared-organisation";
    /**
     * The only authority of a vendor's session (opened through the link of an invitation): never a group of ours
     * nor of Camunda's, so a vendor reaches the vendor's pages and nothing that needs one of {@link #all()}.
     */
    public static final String VENDOR = "VENDOR";

    private static final Set<String> OURS = Stream.concat(Stream.of(STAFF, SHARED_ORGANISATION), Arrays.stream(screeningParticipants()))
            .collect(Collectors.toUnmodifiableSet());

    // Asked on every page by the menu: built once.
    private static final String[] OF_MUNICIPALITIES = Stream.concat(Stream.of(STAFF, COORDINATORS, ADMINS),
            Arrays.stream(Area.values()).map(Area::candidateGroup)).toArray(String[]::new);

    /** The groups that take part in screening (see {@link CurrentUser#takesPartInScreening()}), the shared ones too. */
    public static String[] screeningParticipants() {
        return Stream.of(Stream.of(COORDINATORS, ADMINS), Arrays.stream(Area.values()).map(Area::candidateGroup),
                        Arrays.stream(Area.values()).map(Area::sharedCandidateGroup))
                .flatMap(groups -> groups)
                .toArray(String[]::new);
    }

    /**
     * Every group this application knows. A login in none of them (e.g. an OpenID Connect token carrying only
     * the municipality's other groups) reaches nothing but the page that says so.
     */
    public static String[] all() {
        return OURS.toArray(String[]::new);
    }

    /**
     * The groups whose members reach a municipality's pages and API beyond their tasks: everyone's but the shared
     * organisation's experts', who reach their inbox and the requests of their tasks only.
     */
    public static String[] ofMunicipalities() {
        return OF_MUNICIPALITIES.clone();
    }

    /**
     * Whether the group's members serve every municipality: the shared organisation's people and groups, and the
     * administrators (who keep the installation for it); the other groups are roles within one municipality.
     */
    public static boolean isEveryMunicipalitys(String group) {
        return group.equals(SHARED_ORGANISATION) || group.equals(ADMINS)
                || Arrays.stream(Area.values()).anyMatch(area -> area.sharedCandidateGroup().equals(group));
    }

    public static boolean isOurs(String group) {
        return OURS.contains(group);
    }

    private Groups() {
    }
}
