package dk.indkoebsscreening.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test whose application is configured differently from the shared one (OpenID Connect; a data source through a
 * link the test cuts), so it has an application context of its own. Surefire's execution {@code own-context-tests}
 * runs each such class in a JVM of its own: a second context beside the shared one in one JVM would break
 * {@code /engine-rest} through Camunda's static engine registry.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-jvm")
public @interface OwnJvm {
}
