package dk.indkoebsscreening.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Turns one provider's groups claim of the ID token into our group ids (the same as Camunda's), through that provider's
 * mapping. Values that are none of the groups the provider may give (Entra sends every group a person is in) are left
 * out, so they can neither collide with an authority of ours (a municipality's, the shared organisation's) nor make a
 * person without our groups look like someone.
 *
 * @param groupsClaim  the claim listing the groups or roles
 * @param groupMapping provider value to our group id; values without a mapping are taken as they are
 * @param allowed      the groups this provider's tokens may give
 */
record OidcGroupsMapper(String groupsClaim, Map<String, String> groupMapping, Set<String> allowed) {

    Set<String> groups(OidcIdToken token) {
        Set<String> groups = new LinkedHashSet<>();
        Collection<String> values = token.getClaimAsStringList(groupsClaim);
        if (values != null) {
            values.stream()
                    .map(value -> groupMapping.getOrDefault(value, value))
                    .filter(allowed::contains)
                    .forEach(groups::add);
        }
        return groups;
    }
}
