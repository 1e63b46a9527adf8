package dk.indkoebsscreening.events;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Publishes the event contract with the application: the AsyncAPI document at {@code /docs/asyncapi.yaml} and the
 * payloads' JSON Schemas at {@code /docs/schemas/…}, the very files the application checks events against. Its
 * references are relative, so an integrator's tools resolve it from the URL without a checkout. For logged-in
 * users only, like every page (SecurityConfiguration's last rule): the contract names our internals.
 */
@Configuration(proxyBeanMethods = false)
class ContractDocuments implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/docs/**").addResourceLocations("classpath:/docs/");
    }
}
