package dk.indkoebsscreening.security;

import dk.indkoebsscreening.system.InstallationProperties;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The address users reach the application at, {@code indkoeb.public-base-url}: for redirects and for links
 * in mails. Only the demo (and the tests) may leave it out: then it is {@code http://localhost} on the port the
 * web server listens on.
 */
@Component
public class PublicAddress {

    private final URI configured;
    private volatile int localPort = 8080;

    PublicAddress(InstallationProperties installation) {
        String baseUrl = installation.publicBaseUrl();
        this.configured = StringUtils.hasText(baseUrl) ? URI.create(baseUrl.replaceAll("/+$", "")) : null;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        // The management server, when it has a port of its own, has a namespace; users never see it.
        if (event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
        }
    }

    /** The configured address, if any. */
    Optional<URI> configured() {
        return Optional.ofNullable(configured);
    }

    /** An absolute URL of one of the application's paths, e.g. {@code /anmodninger/…}. */
    public String of(String path) {
        URI base = configured != null ? configured : URI.create("http://localhost:" + localPort);
        return base + path;
    }
}
