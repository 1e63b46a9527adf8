package dk.indkoebsscreening.vendor.portal;

import dk.indkoebsscreening.vendor.VendorLinks;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VendorPortalConfiguration {

    /**
     * Right after the security filters, whose session the filter reads; on every dispatch, so an error page of a vendor's
     * request is shown in its municipality too.
     */
    @Bean
    FilterRegistrationBean<VendorMunicipalityFilter> vendorMunicipalityFilter(VendorLinks links, VendorRateLimit limit) {
        FilterRegistrationBean<VendorMunicipalityFilter> registration =
                new FilterRegistrationBean<>(new VendorMunicipalityFilter(links, limit));
        // After the signed-in user's scope: a vendor's link opened in a signed-in browser acts for its own municipality.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }
}
