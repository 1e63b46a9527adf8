package dk.indkoebsscreening.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names each missing setting on a line of its own, with its environment variable, not a stack trace. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(
                "The application cannot start without these settings:\n    - " + String.join("\n    - ", cause.missing()),
                "Set them as properties or environment variables (docs/configuration.md lists every setting). To try the"
                        + " application with everything inside it, start the demo: ./mvnw spring-boot:run"
                        + " -Dspring-boot.run.profiles=demo",
                cause);
    }
}
