package dk.indkoebsscreening.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers of every response. Spring Security's chain writes them on what passes through it
 * (BrowserSecurity); {@link #writeTo} writes the same on answers given before the chain (the input boundary, the database outage guard).
 */
public final class SecurityHeaders {

    /**
     * No inline scripts, no foreign origins. Styles allow 'unsafe-inline' only because the BPMN
     * viewer positions the diagram with style attributes; scripts never do.
     */
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(List.of());
    /** The APIs answer data, never a page: nothing in them may load, run or be framed. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    private static final List<HeaderWriter> ALL = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
            new ReferrerPolicyHeaderWriter(REFERRER_POLICY),
            new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY));

    private SecurityHeaders() {
    }

    /**
     * @param formTargets where a form's redirect may lead beyond our origin: the OpenID providers' logout endpoints
     *                    (browsers apply {@code form-action} to the redirects that follow a form)
     */
    static String contentSecurityPolicy(List<URI> formTargets) {
        String formAction = Stream.concat(Stream.of("'self'"),
                        formTargets.stream().map(target -> target.getScheme() + "://" + target.getRawAuthority()).distinct())
                .collect(Collectors.joining(" "));
        return "default-src 'self'; script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formAction
                + "; frame-ancestors 'none'";
    }

    public static void writeTo(HttpServletRequest request, HttpServletResponse response) {
        ALL.forEach(writer -> writer.writeHeaders(request, response));
    }
}
