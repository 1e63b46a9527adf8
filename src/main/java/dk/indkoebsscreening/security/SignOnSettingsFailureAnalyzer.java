package dk.indkoebsscreening.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names each wrong single sign-on setting on a line of its own, not a stack trace. */
class SignOnSettingsFailureAnalyzer extends AbstractFailureAnalyzer<SignOnSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SignOnSettingsException cause) {
        return new FailureAnalysis(
                "The single sign-on settings are wrong:\n    - " + String.join("\n    - ", cause.problems()),
                "Correct them (docs/oidc.md says how to configure one OpenID provider per municipality) and start again.",
                cause);
    }
}
