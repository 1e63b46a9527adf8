package dk.indkoebsscreening.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Turns the configured groups claim of the ID token into our group authorities (the same ids as Camunda's).
 * Values that are none of our groups (Entra sends every group a person is in) are left out, so they can
 * neither collide with an authority of ours nor make a person without our groups look like someone.
 */
class OidcGroupsMapper implements GrantedAuthoritiesMapper {

    private final OidcProperties properties;

    OidcGroupsMapper(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> groups = new LinkedHashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                Collection<String> values = oidc.getIdToken().getClaimAsStringList(properties.groupsClaim());
                if (values != null) {
                    values.stream()
                            .map(value -> properties.groupMapping().getOrDefault(value, value))
                            .filter(Groups::isOurs)
                            .map(SimpleGrantedAuthority::new)
                            .forEach(groups::add);
                }
            }
        }
        return groups;
    }
}
