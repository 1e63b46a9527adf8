package dk.indkoebsscreening.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets. Refuses what no page or API of ours needs and what path
 * matching could misread: the paths Spring Security's strict firewall refuses ({@code ..;/},
 * {@code //}, encoded slashes and dots, control characters), letters, digits and {@code -._~} written
 * percent-encoded in the path (no client encodes them; {@code /%63amunda/} is a disguise), and malformed
 * percent-encoding in the query. Spring Security applies its firewall later, but only after its own path
 * parsing, which fails with a 500 on some of these; here they get a 400, with the security headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestFirewall extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestFirewall.class);

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
            rejectEncodedUnreservedCharacters(request.getRequestURI());
            PercentEncoding.parameters(request.getQueryString());
        } catch (RequestRejectedException | PercentEncoding.MalformedException e) {
            log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void rejectEncodedUnreservedCharacters(String path) {
        for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
            int high = PercentEncoding.hex(path.charAt(i + 1));
            int low = PercentEncoding.hex(path.charAt(i + 2));
            int value = high * 16 + low;
            if (high >= 0 && low >= 0 && (Character.isLetterOrDigit(value) && value < 128 || "-._~".indexOf(value) >= 0)) {
                throw new RequestRejectedException("The path encodes an unreserved character at position " + i);
            }
        }
    }

    /** Nothing about the request is echoed back. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.writeTo(request, response);
        JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, JsonErrors.danishMessageFor(HttpServletResponse.SC_BAD_REQUEST));
    }
}
