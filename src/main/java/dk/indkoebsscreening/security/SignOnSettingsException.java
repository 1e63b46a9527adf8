package dk.indkoebsscreening.security;

import java.util.List;

/** OpenID Connect settings that would make a login's organisation ambiguous; {@link SignOnSettingsFailureAnalyzer} says which. */
class SignOnSettingsException extends IllegalStateException {

    private final List<String> problems;

    SignOnSettingsException(List<String> problems) {
        super("Wrong single sign-on settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
