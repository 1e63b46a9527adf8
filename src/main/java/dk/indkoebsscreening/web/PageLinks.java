package dk.indkoebsscreening.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The links a page builds ({@code @{...}}) are written as they are. Spring Boot would pass each one through the
 * resource chain's {@link ResourceUrlEncodingFilter} (the chain is on because of webjars-locator-lite, which serves
 * {@code /webjars/...} without a version): it looks every link up as a static file on the class path, through every jar,
 * and never remembers a miss, which was a third of the CPU of a page view (BENCHMARKS.md, "Where a page view's CPU
 * goes"). No page links a versioned file name, so there is nothing to rewrite; the webjars are still resolved when
 * they are requested.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    /** Present but off: Boot registers its own only where there is none. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
