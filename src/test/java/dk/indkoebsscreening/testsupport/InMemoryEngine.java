package dk.indkoebsscreening.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the process model on Camunda's in-memory engine ({@code camunda.cfg.xml}). Such tests move the engine's
 * static clock, so surefire's execution {@code process-model-tests} gives them a JVM of their own, away from the
 * application contexts (and job executors) the application tests keep alive.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("process-model")
public @interface InMemoryEngine {
}
