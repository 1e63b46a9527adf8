package dk.indkoebsscreening.security;

import dk.indkoebsscreening.security.SignOnProviders.SignOn;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A login through OpenID Connect, placed in the organisation of the registration it came through and nowhere else:
 * the registration (not anything the token says) decides the municipality, whose authority
 * ({@link CurrentUser#municipalityAuthority}) is added here and can never come from a claim, and whose group mapping
 * turns the token's groups into ours. Before that, the token's issuer must be the one configured for that registration.
 * Spring Security checks it too where the registration has an {@code issuer-uri}; this check also covers a
 * registration reaching its provider through endpoints several tenants share (Entra's {@code organizations}), where
 * only the issuer tells one municipality's tokens from another's.
 */
class ProviderBoundOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(ProviderBoundOidcUserService.class);

    private final SignOnProviders providers;
    private final OidcUserService spring = new OidcUserService();

    ProviderBoundOidcUserService(SignOnProviders providers) {
        this.providers = providers;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        String registrationId = request.getClientRegistration().getRegistrationId();
        SignOn signOn = providers.byRegistration(registrationId)
                .orElseThrow(() -> refused("The registration " + registrationId + " signs nobody in"));
        String issuer = request.getIdToken().getIssuer() == null ? null : request.getIdToken().getIssuer().toExternalForm();
        if (!signOn.issuer().equals(issuer)) {
            // A token of another tenant reached this registration: its endpoints or issuer are configured wrongly.
            log.warn("Refused a login through the registration {} ({}): its ID token is issued by {}, not by {}",
                    registrationId, signOn.organisation(), issuer, signOn.issuer());
            throw refused("The ID token is not issued by " + signOn.organisation() + "'s provider");
        }
        OidcUser user = spring.loadUser(request);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        providers.groupsOf(signOn).groups(user.getIdToken()).forEach(group -> authorities.add(new SimpleGrantedAuthority(group)));
        authorities.add(signOn.sharedOrganisation() ? new SimpleGrantedAuthority(Groups.SHARED_ORGANISATION)
                : CurrentUser.municipalityAuthority(signOn.organisation()));
        String userName = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName();
        return userName == null || userName.isBlank()
                ? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
                : new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), userName);
    }

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token", reason, null));
    }
}
