package dk.indkoebsscreening.security;

import dk.indkoebsscreening.process.Area;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The logged-in user and the groups that decide what they may see and do. */
public record CurrentUser(String username, Set<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isCoordinator() {
        return groups.contains(Groups.COORDINATORS);
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMINS);
    }

    public List<Area> screeningAreas() {
        return Arrays.stream(Area.values()).filter(area -> groups.contains(area.candidateGroup())).toList();
    }

    /** A vendor's session: it reaches the vendor's pages of its invitation and nothing else. */
    public boolean isVendor() {
        return groups.contains(Groups.VENDOR);
    }

    /** Logged in, but in none of our groups: such a person reaches only the page that says so. */
    public boolean hasNoGroup() {
        return groups.stream().noneMatch(Groups::isOurs);
    }

    /** Coordinators, experts and administrators take part in screening and may read every request. */
    public boolean takesPartInScreening() {
        return isCoordinator() || isAdmin() || !screeningAreas().isEmpty();
    }
}
