package dk.indkoebsscreening.system;

import jakarta.servlet.DispatcherType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Puts the database under the municipalities' row-level security: the application's data source becomes a
 * {@link TenantDataSource}, the migrations run across all municipalities as a role the security applies to, and each
 * web request runs in its municipality's scope.
 */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    /** Static and reading the setting from the environment: a post-processor is made before any other bean. */
    @Bean
    static BeanPostProcessor tenantDataSource(Environment environment) {
        String installationMunicipality = environment.getProperty("indkoeb.municipality-id", "kommune");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return "dataSource".equals(name) && bean instanceof DataSource pool && !(bean instanceof TenantDataSource)
                        ? new TenantDataSource(pool, installationMunicipality)
                        : bean;
            }
        };
    }

    /** Before the first migration: a role that row-level security does not bind is refused before it changes anything. */
    @Bean
    FlywayMigrationStrategy migrateAcrossAllMunicipalities() {
        return flyway -> Tenancy.runAcross(() -> {
            try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
                ApplicationDatabaseRole.requireRowSecurity(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the application's database role", e);
            }
            flyway.migrate();
        });
    }

    /** Before every other filter but the character encoding's: the security filters read the database too. */
    @Bean
    FilterRegistrationBean<TenantScopeFilter> scopeBeforeSignIn() {
        return scopeFilter(TenantScopeFilter.beforeSignIn(), Ordered.HIGHEST_PRECEDENCE + 1);
    }

    /**
     * Right after the security filters, which have found the request's user. Also on a forward: the security filters
     * forward a signed-in person in none of our groups to the page saying so, which shows them by the name their
     * municipality keeps, and which must not be shown in the scope before sign-in.
     */
    @Bean
    FilterRegistrationBean<TenantScopeFilter> scopeOfSignedInUser(ObjectProvider<TenantReach> reach) {
        FilterRegistrationBean<TenantScopeFilter> registration =
                scopeFilter(TenantScopeFilter.ofSignedInUser(reach), SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD);
        return registration;
    }

    private static FilterRegistrationBean<TenantScopeFilter> scopeFilter(TenantScopeFilter filter, int order) {
        FilterRegistrationBean<TenantScopeFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }
}
