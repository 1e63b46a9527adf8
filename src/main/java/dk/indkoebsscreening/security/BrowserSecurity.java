package dk.indkoebsscreening.security;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The browser side of the web chain: our login page (local users, and OpenID Connect when enabled),
 * logout, CSRF (Spring's default, on every form) and security headers. Session timeout and cookie
 * flags are in {@code server.servlet.session.*}.
 */
@Component
@EnableConfigurationProperties(OidcProperties.class)
class BrowserSecurity {

    private static final String LOGGED_OUT = "/login?logout";

    private final OidcProperties oidc;
    private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;

    BrowserSecurity(OidcProperties oidc, ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        this.oidc = oidc;
        this.clientRegistrations = clientRegistrations;
    }

    /**
     * @param camundaWebapps Camunda's webapps send their own policy, which ours must not tighten
     * @param loginFailure   where a failed form login goes (the login page, saying how long to wait if need be)
     */
    HttpSecurity apply(HttpSecurity http, RequestMatcher camundaWebapps, AuthenticationFailureHandler loginFailure)
            throws Exception {
        ClientRegistration registration = oidc.enabled() ? registration() : null;
        http.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(afterLogout())
                        .deleteCookies("JSESSIONID").permitAll())
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(camundaWebapps),
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.contentSecurityPolicy(
                                        registration == null ? null : endSession(registration)))))
                        .referrerPolicy(referrer -> referrer.policy(SecurityHeaders.REFERRER_POLICY))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        if (registration != null) {
            http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?oidcError")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OidcGroupsMapper(oidc))));
        }
        return http;
    }

    /**
     * After our logout, a person who came through OpenID Connect is logged out at the provider too
     * (RP-initiated logout), which sends them back to our login page; everyone else goes there directly.
     */
    private LogoutSuccessHandler afterLogout() {
        if (!oidc.enabled()) {
            SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
            local.setDefaultTargetUrl(LOGGED_OUT);
            return local;
        }
        OidcClientInitiatedLogoutSuccessHandler atProvider =
                new OidcClientInitiatedLogoutSuccessHandler(clientRegistrations.getObject());
        atProvider.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT);
        atProvider.setDefaultTargetUrl(LOGGED_OUT);
        return atProvider;
    }

    private ClientRegistration registration() {
        ClientRegistrationRepository registrations = clientRegistrations.getIfAvailable();
        ClientRegistration registration = registrations == null ? null : registrations.findByRegistrationId(oidc.registrationId());
        if (registration == null) {
            throw new IllegalStateException("indkoeb.oidc.enabled=true needs spring.security.oauth2.client.registration."
                    + oidc.registrationId() + ".* (see docs/oidc.md)");
        }
        return registration;
    }

    /** The provider's logout endpoint, where the logout form's redirect goes (a form's target, for the CSP). */
    private static URI endSession(ClientRegistration registration) {
        Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        return endpoint == null ? null : URI.create(endpoint.toString());
    }
}
