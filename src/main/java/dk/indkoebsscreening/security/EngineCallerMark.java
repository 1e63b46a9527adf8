package dk.indkoebsscreening.security;

import dk.indkoebsscreening.process.EngineGate;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every HTTP request, on every path and dispatch, is handled as an outside caller of the engine
 * ({@link EngineGate}): Camunda's REST API and webapps can only do what the gate lets operators do,
 * and the application's own pages and API get further only through its own steps.
 */
@Configuration(proxyBeanMethods = false)
class EngineCallerMark {

    @Bean
    FilterRegistrationBean<Filter> engineCallerMarkFilter() {
        Filter mark = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            try (EngineGate.Scope httpRequest = EngineGate.httpRequest()) {
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(mark);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
