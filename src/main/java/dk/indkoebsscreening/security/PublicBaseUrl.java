package dk.indkoebsscreening.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's own address comes from configuration ({@code indkoeb.public-base-url}), never from
 * the request's {@code Host} header: every absolute URL built from the request (the login redirect, a
 * created request's {@code Location}, OpenID Connect's redirect URI) uses it, so a forged
 * {@code Host: evil.example} is never reflected. Without configuration (the local run, the tests) the
 * address is {@code http://localhost} on the port the connection arrived at. Tomcat's own redirects are
 * relative ({@code server.tomcat.use-relative-redirects}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PublicBaseUrl extends OncePerRequestFilter {

    private final PublicAddress address;

    PublicBaseUrl(PublicAddress address) {
        this.address = address;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        URI base = address.configured().orElseGet(() -> URI.create("http://localhost:" + request.getLocalPort()));
        chain.doFilter(new AtBaseUrl(request, base), response);
    }

    /** The request as if it had been made to the public address. */
    private static final class AtBaseUrl extends HttpServletRequestWrapper {

        private final URI base;

        AtBaseUrl(HttpServletRequest request, URI base) {
            super(request);
            this.base = base;
        }

        @Override
        public String getScheme() {
            return base.getScheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equalsIgnoreCase(base.getScheme());
        }

        @Override
        public String getServerName() {
            return base.getHost();
        }

        @Override
        public int getServerPort() {
            return base.getPort() >= 0 ? base.getPort() : isSecure() ? 443 : 80;
        }

        @Override
        public String getHeader(String name) {
            return "Host".equalsIgnoreCase(name) ? base.getAuthority() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Host".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(base.getAuthority())) : super.getHeaders(name);
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(base.getScheme()).append("://").append(base.getAuthority()).append(getRequestURI());
        }
    }
}
