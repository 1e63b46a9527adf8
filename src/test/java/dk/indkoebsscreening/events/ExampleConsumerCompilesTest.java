package dk.indkoebsscreening.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example consumer in {@code examples/decision-consumer} has its own build; this keeps it
 * compiling against the kafka-clients the application ships with.
 */
class ExampleConsumerCompilesTest {

    @Test
    void theExampleDecisionConsumerCompiles(@TempDir Path classes) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17", "-Werror", "-Xlint:all,-path,-processing", "-proc:none"));
        try (Stream<Path> sources = Files.walk(Path.of("examples/decision-consumer/src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> arguments.add(path.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).isZero();
    }
}
