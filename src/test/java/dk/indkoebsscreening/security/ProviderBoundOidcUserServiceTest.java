package dk.indkoebsscreening.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indkoebsscreening.process.Area;
import dk.indkoebsscreening.system.InstallationProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A login through one municipality's registration is placed in that municipality, whatever its token says: the
 * municipality and the shared organisation come from the registration only, and a token of another tenant's issuer is
 * refused. The registrations reach their providers through the same endpoints, as Entra's shared ones do, so only the
 * issuer tells the tenants apart (Spring Security, without an {@code issuer-uri}, does not compare it).
 */
class ProviderBoundOidcUserServiceTest {

    private static final String NORDBY_ISSUER = "https://login.example/nordby-tenant/v2.0";
    private static final String SYDBY_ISSUER = "https://login.example/sydby-tenant/v2.0";
    private static final String SHARED_ISSUER = "https://login.example/faellesskab-tenant/v2.0";

    private final ApplicationContextRunner start = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
            .withUserConfiguration(SignOnOnly.class)
            .withPropertyValues(Stream.concat(Stream.of(
                            "indkoeb.municipality=Nordby Kommune",
                            "indkoeb.municipality-id=nordby",
                            "indkoeb.oidc.enabled=true",
                            "indkoeb.oidc.registration-id=nordby",
                            "indkoeb.oidc.issuer=" + NORDBY_ISSUER,
                            "indkoeb.oidc.group-mapping.Indkoeb-Koordinator=coordinators",
                            "indkoeb.oidc.municipalities.sydby.registration-id=sydby",
                            "indkoeb.oidc.municipalities.sydby.issuer=" + SYDBY_ISSUER,
                            "indkoeb.oidc.shared-organisation.registration-id=faellesskab",
                            "indkoeb.oidc.shared-organisation.issuer=" + SHARED_ISSUER),
                    Stream.of("nordby", "sydby", "faellesskab").flatMap(ProviderBoundOidcUserServiceTest::registration))
                    .toArray(String[]::new));

    /** Every registration at the same shared endpoints; the user name is Entra's {@code preferred_username}. */
    private static Stream<String> registration(String id) {
        String registration = "spring.security.oauth2.client.registration." + id + ".";
        String provider = "spring.security.oauth2.client.provider." + id + ".";
        return Stream.of(registration + "client-id=indkoebsscreening",
                registration + "authorization-grant-type=authorization_code",
                registration + "scope=openid",
                registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                provider + "authorization-uri=https://login.example/organizations/authorize",
                provider + "token-uri=https://login.example/organizations/token",
                provider + "jwk-set-uri=https://login.example/organizations/keys",
                provider + "user-name-attribute=preferred_username");
    }

    @Test
    void aTokenOfSydbysIssuerPresentedThroughNordbysRegistrationIsRefused() {
        start.run(context -> assertThatThrownBy(() -> logIn(context, "nordby", SYDBY_ISSUER, List.of("coordinators")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("not issued by nordby's provider"));
    }

    @Test
    void theMunicipalityComesFromTheRegistrationAndNeverFromAClaim() {
        start.run(context -> {
            OidcUser user = logIn(context, "sydby", SYDBY_ISSUER,
                    List.of("municipality:nordby", Groups.SHARED_ORGANISATION, Area.INSTALLATION.sharedCandidateGroup(),
                            Groups.COORDINATORS, "Indkoeb-Koordinator"));

            assertThat(user.getName()).isEqualTo("koordinator");
            assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .containsExactlyInAnyOrder(Groups.COORDINATORS, "municipality:sydby");
            CurrentUser current = CurrentUser.of(new TestingAuthenticationToken(user, null, List.copyOf(user.getAuthorities())));
            assertThat(current.municipality()).hasValue("sydby");
            assertThat(current.ofSharedOrganisation()).isFalse();
        });
    }

    @Test
    void eachMunicipalityMapsItsTokensGroupsWithItsOwnMapping() {
        start.run(context -> {
            assertThat(logIn(context, "nordby", NORDBY_ISSUER, List.of("Indkoeb-Koordinator")).getAuthorities())
                    .extracting(GrantedAuthority::getAuthority).containsExactlyInAnyOrder(Groups.COORDINATORS, "municipality:nordby");
            assertThat(logIn(context, "sydby", SYDBY_ISSUER, List.of("Indkoeb-Koordinator")).getAuthorities())
                    .extracting(GrantedAuthority::getAuthority).containsExactly("municipality:sydby");
        });
    }

    @Test
    void theSharedOrganisationsPeopleBelongToNoMunicipality() {
        start.run(context -> {
            OidcUser user = logIn(context, "faellesskab", SHARED_ISSUER,
                    List.of("municipality:sydby", Area.INSTALLATION.sharedCandidateGroup()));

            CurrentUser current = CurrentUser.of(new TestingAuthenticationToken(user, null, List.copyOf(user.getAuthorities())));
            assertThat(current.municipality()).isEqualTo(Optional.empty());
            assertThat(current.groups()).containsExactlyInAnyOrder(Groups.SHARED_ORGANISATION, Area.INSTALLATION.sharedCandidateGroup());
        });
    }

    private static OidcUser logIn(AssertableApplicationContext context, String registrationId, String issuer, List<String> groups) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token")
                .issuer(issuer)
                .subject("subject")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claims(claims -> claims.putAll(Map.of("preferred_username", "koordinator", "groups", groups)))
                .build();
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token",
                Instant.now(), Instant.now().plusSeconds(300));
        OidcUserRequest request = new OidcUserRequest(
                context.getBean(ClientRegistrationRepository.class).findByRegistrationId(registrationId), accessToken, token);
        return new ProviderBoundOidcUserService(context.getBean(SignOnProviders.class)).loadUser(request);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(InstallationProperties.class)
    @Import(SignOnProviders.class)
    static class SignOnOnly {
    }
}
