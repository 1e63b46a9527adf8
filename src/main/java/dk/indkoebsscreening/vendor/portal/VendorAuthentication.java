package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.security.Groups;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A vendor's session, opened by exchanging an invitation's link: its only authority is {@link Groups#VENDOR}, and it
 * names the one invitation (and request) its pages show, and the invitation's municipality, which its requests act for
 * ({@link VendorMunicipalityFilter}). Never anything a person could log in as.
 */
final class VendorAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final UUID invitationId;
    private final UUID requestId;
    private final String municipality;

    VendorAuthentication(UUID invitationId, UUID requestId, String municipality) {
        super(List.of(new SimpleGrantedAuthority(Groups.VENDOR)));
        this.invitationId = invitationId;
        this.requestId = requestId;
        this.municipality = municipality;
        setAuthenticated(true);
    }

    /**
     * The vendor's session of a page's caller. The chain admits only a vendor's authority to these pages; this also
     * makes sure it is a session we opened, not an authority some other login happened to carry.
     */
    static VendorAuthentication of(Authentication authentication) {
        if (authentication instanceof VendorAuthentication vendor) {
            return vendor;
        }
        throw new AccessDeniedException("Not a vendor's session");
    }

    UUID invitationId() {
        return invitationId;
    }

    UUID requestId() {
        return requestId;
    }

    String municipality() {
        return municipality;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** Not a user id: no person of ours can have a name with a colon and the invitation's id. */
    @Override
    public Object getPrincipal() {
        return "vendor:" + invitationId;
    }
}
