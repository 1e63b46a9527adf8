package dk.indkoebsscreening.process;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's webapps and its REST API take the user from our login (form, HTTP Basic or OpenID Connect) instead of
 * asking again: Spring Security lets only administrators through to {@code /camunda/**} and {@code /engine-rest/**},
 * and Camunda's container-based authentication filters hand that login, with its groups and the tenants they reach
 * ({@link CamundaTenants#reachedBy}), to the engine, whose tenant check then shows each operator only their
 * municipalities' processes.
 */
@Configuration(proxyBeanMethods = false)
class WebappSingleSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOnFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityLogin.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // After Spring Security's chain (order -100), which has put the login into the security context.
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestSingleSignOnFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityLogin.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(0);
        return registration;
    }

    /** Instantiated by Camunda's filters from its class name. */
    public static class SpringSecurityLogin extends ContainerBasedAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication login = SecurityContextHolder.getContext().getAuthentication();
            if (login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(login.getName());
            List<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            result.setGroups(groups);
            result.setTenants(CamundaTenants.reachedBy(engine.getIdentityService(), login.getName(), groups));
            return result;
        }
    }
}
