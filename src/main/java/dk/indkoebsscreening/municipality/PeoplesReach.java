package dk.indkoebsscreening.municipality;

import dk.indkoebsscreening.security.CurrentUser;
import dk.indkoebsscreening.security.Groups;
import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import dk.indkoebsscreening.system.TenantReach;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whose rows a signed-in person's request sees and whom the rows it writes belong to:
 * <ul>
 * <li>a person of a municipality (placed there by the login: a tenant membership, or the municipality's own OpenID
 *     provider): that municipality's only;</li>
 * <li>the shared IT-service organisation's administrators: every municipality's, writing as the organisation;</li>
 * <li>the organisation's experts: the organisation's own and those of the municipalities that route an area to them.
 *     What of those they may read is narrower, and decided by the features: a request only through a task of theirs
 *     ({@code Requests#readable}), a task only of their groups;</li>
 * <li>anyone else (an installation of one municipality, whose people are placed nowhere): the installation's
 *     municipality's, as before there were several.</li>
 * </ul>
 * A vendor's session is scoped by the vendor's pages, from its invitation.
 */
@Component
class PeoplesReach implements TenantReach {

    private final InstallationProperties installation;
    private final Municipalities municipalities;

    PeoplesReach(InstallationProperties installation, Municipalities municipalities) {
        this.installation = installation;
        this.municipalities = municipalities;
    }

    @Override
    public Optional<Tenancy.Scope> scopeOf(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
                || authentication.getAuthorities().stream().anyMatch(authority -> Groups.VENDOR.equals(authority.getAuthority()))) {
            return Optional.empty();
        }
        CurrentUser user;
        try {
            user = CurrentUser.of(authentication);
        } catch (AuthenticationException ambiguous) {
            return Optional.empty();
        }
        if (user.municipality().isPresent()) {
            return Optional.of(Tenancy.Scope.of(user.municipality().get()));
        }
        if (!user.ofSharedOrganisation()) {
            return Optional.of(Tenancy.Scope.of(installation.municipalityId()));
        }
        String organisation = installation.sharedOrganisation().id();
        if (user.isAdmin()) {
            return Optional.of(new Tenancy.Scope(organisation, Set.of(), true));
        }
        Set<String> visible = new HashSet<>(municipalities.sharingScreening());
        visible.add(organisation);
        return Optional.of(new Tenancy.Scope(organisation, visible, false));
    }
}
