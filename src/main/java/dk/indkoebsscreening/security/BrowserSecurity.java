package dk.indkoebsscreening.security;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
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
 * The browser side of the web chain: our login page (local users, and the OpenID providers of {@link SignOnProviders}),
 * logout, CSRF (Spring's default, on every form) and security headers. Session timeout and cookie
 * flags are in {@code server.servlet.session.*}.
 */
@Component
class BrowserSecurity {

    private static final String LOGGED_OUT = "/login?logout";

    private final SignOnProviders signOn;
    private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;

    BrowserSecurity(SignOnProviders signOn, ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        this.signOn = signOn;
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
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(afterLogout())
                        .deleteCookies("JSESSIONID").permitAll())
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(camundaWebapps),
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.contentSecurityPolicy(
                                        signOn.endSessionEndpoints().stream().map(URI::create).toList()))))
                        .referrerPolicy(referrer -> referrer.policy(SecurityHeaders.REFERRER_POLICY))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        if (signOn.enabled()) {
            http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?oidcError")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new ProviderBoundOidcUserService(signOn))));
        }
        return http;
    }

    /**
     * After our logout, a person who came through OpenID Connect is logged out at the provider too
     * (RP-initiated logout), which sends them back to our login page; everyone else goes there directly.
     */
    private LogoutSuccessHandler afterLogout() {
        if (!signOn.enabled()) {
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
}
