package dk.indkoebsscreening.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;

/**
 * Room in Thymeleaf's caches for every template and every expression of the application. Thymeleaf keeps 200 parsed
 * templates and 500 parsed expressions by default; the pages and mails hold several thousand expressions (each attribute, and
 * each SpEL expression in it, is an entry), so under a mix of pages every view parsed again what the previous ones
 * had pushed out, and an evicted SpEL expression lost its compiled form before it had run often enough to be compiled
 * again (BENCHMARKS.md, issue 32). The entries are bounded by the templates, not by the requests: the sizes below bound
 * the memory too.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

    static final int TEMPLATES = 1_000;
    static final int EXPRESSIONS = 20_000;

    @Bean
    static BeanPostProcessor templateEngineCaches() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof TemplateEngine engine) {
                    engine.setCacheManager(cacheManager());
                }
                return bean;
            }
        };
    }

    static StandardCacheManager cacheManager() {
        StandardCacheManager caches = new StandardCacheManager();
        caches.setTemplateCacheMaxSize(TEMPLATES);
        caches.setExpressionCacheInitialSize(EXPRESSIONS / 4);
        caches.setExpressionCacheMaxSize(EXPRESSIONS);
        return caches;
    }
}
