package dk.indkoebsscreening.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Production login through the municipality's OpenID Connect provider (Entra ID, AD FS), see
 * {@code docs/oidc.md}. The client itself is configured with Spring's standard
 * {@code spring.security.oauth2.client.*} properties.
 *
 * @param enabled        whether the login page offers OpenID Connect
 * @param registrationId the registration under {@code spring.security.oauth2.client.registration}
 * @param groupsClaim    the ID-token claim that lists the user's groups or roles
 * @param groupMapping   provider value (e.g. an Entra group object id) to our group id; values
 *                       without a mapping are used as they are
 */
@ConfigurationProperties("indkoeb.oidc")
public record OidcProperties(boolean enabled, String registrationId, String groupsClaim, Map<String, String> groupMapping) {

    public OidcProperties {
        registrationId = registrationId == null || registrationId.isBlank() ? "entra" : registrationId;
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    }
}
