package dk.indkoebsscreening.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
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
        http.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID").permitAll())
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(camundaWebapps),
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(SecurityHeaders.REFERRER_POLICY))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        if (oidc.enabled()) {
            if (clientRegistrations.getIfAvailable() == null) {
                throw new IllegalStateException(
                        "indkoeb.oidc.enabled=true needs spring.security.oauth2.client.registration.* (see docs/oidc.md)");
            }
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OidcGroupsMapper(oidc))));
        }
        return http;
    }
}
