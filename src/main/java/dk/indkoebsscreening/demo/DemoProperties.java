package dk.indkoebsscreening.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled create the demo users (password {@code demo}) and two demo requests at start-up;
 *                never enable this in production
 */
@ConfigurationProperties("indkoeb.demo")
public record DemoProperties(boolean enabled) {
}
