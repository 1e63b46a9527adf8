package dk.indkoebsscreening.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import dk.indkoebsscreening.system.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * What a caller is told while {@link LoginThrottle} makes them wait: HTTP Basic callers get 429 with
 * {@code Retry-After} and a message in Danish (English with {@code Accept-Language: en}); the login page
 * says in words how long to wait.
 */
@Component
public class LoginDelayResponses {

    private final MessageSource messages;
    private final Problems problems;
    private final LoginThrottle throttle;
    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    LoginDelayResponses(MessageSource messages, Problems problems, LoginThrottle throttle) {
        this.messages = messages;
        this.problems = problems;
        this.throttle = throttle;
        basic.setRealmName("Indkoebsscreening");
    }

    /** For HTTP Basic: 429 while delayed, otherwise the usual 401 challenge. */
    AuthenticationEntryPoint basicEntryPoint() {
        return (request, response, failure) -> {
            if (failure instanceof LoginDelayedException delayed) {
                tooManyAttempts(request, response, delayed.retryAfterSeconds());
            } else {
                basic.commence(request, response, failure);
            }
        };
    }

    /**
     * For the login form: back to the login page. A refused attempt was not checked, so it only says how
     * long to wait; a wrong password says so, and how long to wait if it started a delay.
     */
    AuthenticationFailureHandler formFailureHandler() {
        return (request, response, failure) -> {
            String target;
            if (failure instanceof LoginDelayedException delayed) {
                target = "/login?vent=" + delayed.retryAfterSeconds();
            } else {
                target = "/login?error" + throttle.waitFor(request.getParameter("username"), request.getRemoteAddr())
                        .map(wait -> "&vent=" + LoginDelayedException.wholeSeconds(wait)).orElse("");
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /** "2 minutter", "1 sekund": seconds below a minute, whole minutes (rounded up) above. */
    public String waitingTime(long seconds, Locale locale) {
        return seconds < 60
                ? messages.getMessage("duration.seconds", new Object[] {seconds}, locale)
                : messages.getMessage("duration.minutes", new Object[] {(seconds + 59) / 60}, locale);
    }

    private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long seconds)
            throws IOException {
        Locale locale = ApiLanguage.of(request);
        String message = messages.getMessage("login.delayed", new Object[] {waitingTime(seconds, locale)}, locale);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, problems.problem(429, null, message, Problems.pathOf(request), List.of(), locale));
    }
}
