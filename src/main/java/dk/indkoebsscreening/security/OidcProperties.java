package dk.indkoebsscreening.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Production login through the municipalities' OpenID Connect providers (Entra ID, AD FS), see
 * {@code docs/oidc.md}. The clients themselves are configured with Spring's standard
 * {@code spring.security.oauth2.client.*} properties; {@link SignOnProviders} checks these settings at start.
 *
 * @param enabled            whether the login page offers OpenID Connect
 * @param registrationId     the registration of the installation's municipality's provider, under
 *                           {@code spring.security.oauth2.client.registration}
 * @param issuer             the issuer its ID tokens must name; empty: the registration's {@code issuer-uri}
 * @param emailDomains       the e-mail domains of the installation's municipality's people (the login page's choice)
 * @param groupsClaim        the ID-token claim that lists the user's groups or roles
 * @param groupMapping       provider value (e.g. an Entra group object id) to our group id; values
 *                           without a mapping are used as they are
 * @param municipalities     further municipalities' own providers, by municipality id (one given for the installation's
 *                           municipality takes the place of the settings above)
 * @param sharedOrganisation the shared IT-service organisation's own provider, if it has one
 */
@ConfigurationProperties("indkoeb.oidc")
public record OidcProperties(boolean enabled, String registrationId, String issuer, List<String> emailDomains,
                             String groupsClaim, Map<String, String> groupMapping, Map<String, Provider> municipalities,
                             Provider sharedOrganisation) {

    public OidcProperties {
        registrationId = registrationId == null || registrationId.isBlank() ? "entra" : registrationId;
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
        municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
    }

    /** The installation's municipality's provider, from the settings of an installation of one municipality. */
    Provider installationProvider() {
        return new Provider(registrationId, issuer, emailDomains, groupsClaim, groupMapping);
    }

    /**
     * One organisation's provider (a municipality's own Entra ID tenant).
     *
     * @param registrationId its registration under {@code spring.security.oauth2.client.registration}
     * @param issuer         the issuer its ID tokens must name; empty: the registration's {@code issuer-uri}. Needed
     *                       where the registration reaches the provider through endpoints shared by several tenants
     * @param emailDomains   its people's e-mail domains, e.g. {@code sydby.dk}
     * @param groupsClaim    as above, default {@code groups}
     * @param groupMapping   as above: Entra's group object ids differ from tenant to tenant
     */
    public record Provider(String registrationId, String issuer, List<String> emailDomains, String groupsClaim,
                           Map<String, String> groupMapping) {

        public Provider {
            emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
            groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
            groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
        }
    }
}
