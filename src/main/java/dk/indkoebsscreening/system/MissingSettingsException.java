package dk.indkoebsscreening.system;

import java.util.List;

/** A start without settings the application cannot run without; {@link MissingSettingsFailureAnalyzer} says which. */
class MissingSettingsException extends IllegalStateException {

    private final List<String> missing;

    MissingSettingsException(List<String> missing) {
        super("Missing settings: " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    List<String> missing() {
        return missing;
    }
}
