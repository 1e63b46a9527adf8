package dk.indkoebsscreening.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** This user must wait before logging in from this address again ({@link LoginThrottle}); the password was not checked. */
public class LoginDelayedException extends AuthenticationException {

    private final Duration retryAfter;

    LoginDelayedException(Duration retryAfter) {
        super("Login delayed after repeated failures");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as in a Retry-After header. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
