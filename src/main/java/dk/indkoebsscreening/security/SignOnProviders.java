package dk.indkoebsscreening.security;

import dk.indkoebsscreening.system.InstallationProperties;
import dk.indkoebsscreening.system.Tenancy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID providers people sign in through ({@link OidcProperties}): one per municipality, each its own Entra ID
 * tenant, and perhaps the shared organisation's. Each registration belongs to exactly one organisation, which is where
 * its logins are placed ({@link ProviderBoundOidcUserService}); an e-mail domain leads to exactly one. Settings that
 * would make either ambiguous refuse the start ({@link SignOnSettingsException}).
 */
@Component
@EnableConfigurationProperties(OidcProperties.class)
public class SignOnProviders {

    /**
     * Where one registration signs people in.
     *
     * @param organisation       the municipality's id, or the shared organisation's
     * @param sharedOrganisation whether it is the shared organisation's provider, whose people belong to no municipality
     * @param issuer             the {@code iss} its ID tokens must carry
     * @param emailDomains       lower case, without "@"
     */
    public record SignOn(String organisation, boolean sharedOrganisation, String registrationId, String issuer,
                         List<String> emailDomains) {

        /** Where a browser starts signing in through this provider (Spring Security's authorization request). */
        public String loginUrl() {
            return "/oauth2/authorization/" + registrationId;
        }
    }

    private final Map<String, SignOn> byRegistration = new LinkedHashMap<>();
    private final Map<String, OidcGroupsMapper> groups = new HashMap<>();
    private final Map<String, SignOn> byEmailDomain = new HashMap<>();
    private final Map<String, String> endSessions = new LinkedHashMap<>();

    SignOnProviders(OidcProperties oidc, InstallationProperties installation,
                    ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        if (!oidc.enabled()) {
            return;
        }
        Map<String, OidcProperties.Provider> municipalities = new LinkedHashMap<>();
        if (!oidc.municipalities().containsKey(installation.municipalityId())) {
            municipalities.put(installation.municipalityId(), oidc.installationProvider());
        }
        oidc.municipalities().keySet().stream().sorted()
                .forEach(municipality -> municipalities.put(municipality, oidc.municipalities().get(municipality)));
        ClientRegistrationRepository registrations = clientRegistrations.getIfAvailable();
        List<String> problems = new ArrayList<>();
        municipalities.forEach((municipality, provider) -> {
            String setting = oidc.municipalities().containsKey(municipality) ? "indkoeb.oidc.municipalities." + municipality : "indkoeb.oidc";
            if (!municipality.matches(Tenancy.ID_PATTERN)) {
                problems.add(setting + ": \"" + municipality + "\" is no municipality id (lower-case letters a-z, digits and"
                        + " hyphens, e.g. sydby)");
            }
            add(municipality, false, provider, setting, Set.of(Groups.ofMunicipalities()), registrations, problems);
        });
        if (oidc.sharedOrganisation() != null) {
            add(installation.sharedOrganisation().id(), true, oidc.sharedOrganisation(), "indkoeb.oidc.shared-organisation",
                    Set.of(Groups.all()), registrations, problems);
        }
        if (!problems.isEmpty()) {
            throw new SignOnSettingsException(problems);
        }
    }

    /**
     * @param ourGroups the groups its tokens may give: a municipality's provider never gives the shared organisation's
     */
    private void add(String organisation, boolean shared, OidcProperties.Provider provider, String setting,
                     Set<String> ourGroups, ClientRegistrationRepository registrations, List<String> problems) {
        String registrationId = provider.registrationId();
        if (registrationId == null || registrationId.isBlank()) {
            problems.add(setting + ".registration-id is missing");
            return;
        }
        SignOn earlier = byRegistration.get(registrationId);
        if (earlier != null) {
            problems.add(setting + ".registration-id: the registration \"" + registrationId + "\" is already "
                    + earlier.organisation() + "'s; a registration signs people in for one organisation only");
            return;
        }
        ClientRegistration registration = registrations == null ? null : registrations.findByRegistrationId(registrationId);
        if (registration == null) {
            problems.add(setting + ".registration-id: there is no spring.security.oauth2.client.registration."
                    + registrationId + ".* (see docs/oidc.md)");
            return;
        }
        String issuer = provider.issuer() == null || provider.issuer().isBlank()
                ? registration.getProviderDetails().getIssuerUri() : provider.issuer().strip();
        if (issuer == null || issuer.isBlank()) {
            problems.add(setting + ".issuer: the registration \"" + registrationId + "\" has no issuer-uri, so the issuer"
                    + " its tokens must name is to be given here");
            return;
        }
        List<String> domains = provider.emailDomains().stream().map(SignOnProviders::domain).toList();
        SignOn signOn = new SignOn(organisation, shared, registrationId, issuer, domains);
        byRegistration.put(registrationId, signOn);
        groups.put(registrationId, new OidcGroupsMapper(provider.groupsClaim(), provider.groupMapping(), ourGroups));
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endSession != null) {
            endSessions.put(registrationId, endSession.toString());
        }
        for (String domain : domains) {
            SignOn other = byEmailDomain.putIfAbsent(domain, signOn);
            if (other != null && !other.organisation().equals(organisation)) {
                problems.add(setting + ".email-domains: \"" + domain + "\" is named for " + other.organisation()
                        + " too; an e-mail domain leads to one organisation's login");
            }
        }
    }

    /** Whether people sign in through OpenID Connect at all. */
    public boolean enabled() {
        return !byRegistration.isEmpty();
    }

    /** In the order of the settings: the installation's municipality first. */
    public List<SignOn> all() {
        return List.copyOf(byRegistration.values());
    }

    public Optional<SignOn> byRegistration(String registrationId) {
        return Optional.ofNullable(byRegistration.get(registrationId));
    }

    /** The provider of the e-mail address's domain; empty for a domain (or text) no organisation named. */
    public Optional<SignOn> forEmail(String address) {
        int at = address == null ? -1 : address.strip().lastIndexOf('@');
        return at < 0 ? Optional.empty() : Optional.ofNullable(byEmailDomain.get(domain(address.strip().substring(at + 1))));
    }

    OidcGroupsMapper groupsOf(SignOn signOn) {
        return groups.get(signOn.registrationId());
    }

    /** The providers' logout endpoints ({@code end_session_endpoint} of their discovery documents). */
    List<String> endSessionEndpoints() {
        return List.copyOf(endSessions.values());
    }

    private static String domain(String domain) {
        String bare = domain.strip().toLowerCase(Locale.ROOT);
        return bare.startsWith("@") ? bare.substring(1) : bare;
    }
}
