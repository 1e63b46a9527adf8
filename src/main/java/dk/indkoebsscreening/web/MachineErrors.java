package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.ApiLanguage;
import dk.indkoebsscreening.system.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Errors of the machines' APIs that end in the servlet container's error dispatch (Spring Security's 401 challenge and
 * 403, an unknown route, a method or media type no route takes, a failure nothing handled): the problem their status
 * says ({@link Problems}), instead of Spring Boot's {@code {timestamp, status, error, path}}. Pages keep their error
 * page, which Spring Boot's error controller renders as before.
 */
@Configuration(proxyBeanMethods = false)
class MachineErrors {

    @Bean
    FilterRegistrationBean<Filter> machineErrorDispatch(Problems problems) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Dispatch(problems));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private record Dispatch(Problems problems) implements Filter {

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            String path = failedPath(request);
            if (path == null || !ErrorAnswers.isMachinePath(path) || response.isCommitted()) {
                chain.doFilter(request, response);
                return;
            }
            // The security headers are there: the failed request's own filter chain wrote them.
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            problems.write(response, problems.problem(status instanceof Integer code ? code : response.getStatus(), path,
                    ApiLanguage.of(request)));
        }

        private static String failedPath(HttpServletRequest request) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return uri == null ? null : uri.toString().substring(request.getContextPath().length());
        }
    }
}
