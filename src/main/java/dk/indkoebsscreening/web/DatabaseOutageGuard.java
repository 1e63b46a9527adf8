package dk.indkoebsscreening.web;

import dk.indkoebsscreening.system.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * What users get while the database cannot be reached: 503 with {@code Retry-After}, never a 500; only the
 * requests that meet the outage first wait for the pool's connection timeout. Pages get the Danish "midlertidigt utilgængelig" page, the APIs (ours, Camunda's, the
 * actuator's) a JSON answer. As a filter it runs right after the firewall, before any login (a login needs the
 * database too): while an outage is known every request is answered at once, and a login that fails because the
 * database is away ends here and starts the outage; a page or an API call that fails so ends in its exception
 * resolver. Health passes the known outage (it reports DOWN itself), and so does the style sheet (the page looks like
 * the others); a login they need that fails ends here too.
 */
@Component
class DatabaseOutageGuard extends OncePerRequestFilter implements HandlerExceptionResolver, Ordered {

    private static final int RETRY_AFTER_SECONDS = 10;
    /** Answered as usual even while an outage is known (health says DOWN itself; the page needs its style sheet). */
    private static final List<String> PASSING_PREFIXES = List.of("/actuator/health/", "/css/", "/js/");
    private static final List<String> PASSING_PATHS = List.of("/actuator/health", "/favicon.ico");

    private final DatabaseOutage outage;
    private final ErrorAnswers answers;

    DatabaseOutageGuard(DatabaseOutage outage, ErrorAnswers answers) {
        this.outage = outage;
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (outage.inProgress() && !passes(ErrorAnswers.pathOf(request))) {
            answerUnavailable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!answeredAsUnavailable(request, response, e)) {
                throw e;
            }
        }
    }

    /**
     * A page's or an API call's failure, before Spring MVC's own resolvers: they take a lost database connection's
     * "Connection reset by peer" for a browser that went away and answer 200 with nothing.
     */
    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        try {
            return answeredAsUnavailable(request, response, e) ? new ModelAndView() : null;
        } catch (IOException unwritable) {
            return new ModelAndView(); // the client is gone: nothing to tell anyone
        }
    }

    /** A failure because the database is away, not yet answered: 503, and the outage starts. */
    private boolean answeredAsUnavailable(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        if (!DatabaseOutage.isUnavailable(failure) || response.isCommitted()) {
            return false;
        }
        outage.report(failure);
        response.reset();
        if (DatabaseOutage.isStatementTimeout(failure)) {
            // The database is there; this request's question took too long for it.
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            answers.write(request, response, new ErrorAnswers.Answer(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "error.tooSlow", "error.page.tooSlow", null, null, null));
            return true;
        }
        answerUnavailable(request, response);
        return true;
    }

    /** As a filter right after the firewall; as a resolver after Spring Boot's error attributes (which only take note). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        answers.write(request, response, ErrorAnswers.Answer.of(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.unavailable"));
    }

    private static boolean passes(String path) {
        return PASSING_PATHS.contains(path) || PASSING_PREFIXES.stream().anyMatch(path::startsWith);
    }

}
