package dk.indkoebsscreening.security;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The address users reach the application at, {@code indkoeb.public-base-url}: for redirects and for links
 * in mails. Without configuration (the local run, the tests) it is {@code http://localhost} on the port the
 * web server listens on.
 */
@Component
public class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final URI configured;
    private volatile int localPort = 8080;

    PublicAddress(@Value("${indkoeb.public-base-url:}") String baseUrl, @Value("${indkoeb.demo.enabled:false}") boolean demo) {
        this.configured = StringUtils.hasText(baseUrl) ? URI.create(baseUrl.replaceAll("/+$", "")) : null;
        if (configured != null && (configured.getScheme() == null || configured.getHost() == null
                || StringUtils.hasText(configured.getPath()))) {
            throw new IllegalStateException("indkoeb.public-base-url must be scheme, host and port only, e.g. "
                    + "https://indkoeb.kommune.dk");
        }
        if (configured == null && !demo) {
            log.warn("indkoeb.public-base-url is not set: links and redirects use http://localhost; set it to the "
                    + "address users reach the application at");
        }
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
