package dk.indkoebsscreening.security;

import dk.indkoebsscreening.process.Area;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The logged-in user, the municipality they belong to and the groups that decide what they may see and do there.
 *
 * @param municipality the municipality the login placed them in (its tenant membership, or its own OpenID provider);
 *                     empty for the shared IT-service organisation's people and for a user the identity service places
 *                     nowhere, who belongs to the installation's municipality
 */
public record CurrentUser(String username, Set<String> groups, Optional<String> municipality) {

    /** A user the login placed in no municipality (see {@code municipality}). */
    public CurrentUser(String username, Set<String> groups) {
        this(username, groups, Optional.empty());
    }

    /** The authority that carries a user's municipality through the login and the session, next to the groups. */
    private static final String MUNICIPALITY_AUTHORITY = "municipality:";

    public static CurrentUser of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        List<String> municipalities = authorities.stream()
                .filter(authority -> authority.startsWith(MUNICIPALITY_AUTHORITY))
                .map(authority -> authority.substring(MUNICIPALITY_AUTHORITY.length()))
                .toList();
        if (municipalities.size() > 1) {
            // A person is of one municipality; two would make every rule about "their" municipality ambiguous.
            throw new InsufficientAuthenticationException("A login names more than one municipality");
        }
        return new CurrentUser(authentication.getName(), authorities, municipalities.stream().findFirst());
    }

    /** The authority saying that a login is of {@code municipality} (a tenant id). */
    public static SimpleGrantedAuthority municipalityAuthority(String municipality) {
        return new SimpleGrantedAuthority(MUNICIPALITY_AUTHORITY + municipality);
    }

    /** One of the shared IT-service organisation's people, who belong to no municipality. */
    public boolean ofSharedOrganisation() {
        return groups.contains(Groups.SHARED_ORGANISATION);
    }

    public boolean isCoordinator() {
        return groups.contains(Groups.COORDINATORS);
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMINS);
    }

    /** The areas this user screens, for their municipality or (the shared organisation's experts) for every one routing it on. */
    public List<Area> screeningAreas() {
        return Arrays.stream(Area.values())
                .filter(area -> groups.contains(area.candidateGroup()) || groups.contains(area.sharedCandidateGroup()))
                .toList();
    }

    /** A vendor's session: it reaches the vendor's pages of its invitation and nothing else. */
    public boolean isVendor() {
        return groups.contains(Groups.VENDOR);
    }

    /** Logged in, but in none of our groups: such a person reaches only the page that says so. */
    public boolean hasNoGroup() {
        return groups.stream().noneMatch(Groups::isOurs);
    }

    /** Coordinators, experts (the shared organisation's too) and administrators take part in screening: they have an inbox. */
    public boolean takesPartInScreening() {
        return isCoordinator() || isAdmin() || !screeningAreas().isEmpty();
    }

    /**
     * In a group that reaches a municipality's pages beyond tasks ({@link Groups#ofMunicipalities()}): not so the shared
     * organisation's experts, whose menu is their inbox and their settings.
     */
    public boolean reachesMunicipalityPages() {
        return Arrays.stream(Groups.ofMunicipalities()).anyMatch(groups::contains);
    }

    /** Submits and drafts requests: a municipality's people; the shared organisation's none (a request is a municipality's). */
    public boolean submitsRequests() {
        return reachesMunicipalityPages() && !ofSharedOrganisation();
    }

    /**
     * Coordinators, the municipality's own experts and administrators read every request of the municipalities they
     * see. The shared organisation's experts do not: they read a request only through a task of theirs on it.
     */
    public boolean readsEveryRequest() {
        return isCoordinator() || isAdmin() || Arrays.stream(Area.values()).anyMatch(area -> groups.contains(area.candidateGroup()));
    }
}
