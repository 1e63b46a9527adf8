package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.ApiLanguage;
import dk.indkoebsscreening.security.JsonErrors;
import dk.indkoebsscreening.security.SecurityHeaders;
import dk.indkoebsscreening.system.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

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
    private static final List<String> MACHINE_PATHS = List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/");
    /** Answered as usual even while an outage is known (health says DOWN itself; the page needs its style sheet). */
    private static final List<String> PASSING_PREFIXES = List.of("/actuator/health/", "/css/", "/js/");
    private static final List<String> PASSING_PATHS = List.of("/actuator/health", "/favicon.ico");

    private final DatabaseOutage outage;
    private final MessageSource messages;
    private final SpringTemplateEngine templates;
    private final LocaleResolver locales;

    DatabaseOutageGuard(DatabaseOutage outage, MessageSource messages, SpringTemplateEngine templates, LocaleResolver locales) {
        this.outage = outage;
        this.messages = messages;
        this.templates = templates;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (outage.inProgress() && !passes(pathOf(request))) {
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
        answerUnavailable(request, response);
        return true;
    }

    /** As a filter right after the firewall; as a resolver after Spring Boot's error attributes (which only take note). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.writeTo(request, response);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        String path = pathOf(request);
        if (MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            JsonErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    messages.getMessage("error.unavailable", null, ApiLanguage.of(request)));
            return;
        }
        byte[] page = page(request, response, path).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** The one error template, as for every other error, without the menu: who is logged in is beside the point. */
    private String page(HttpServletRequest request, HttpServletResponse response, String path) {
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(request.getServletContext());
        Locale locale = locales.resolveLocale(request);
        WebContext context = new WebContext(application.buildExchange(request, response), locale, Map.of(
                "status", HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "page", ErrorPage.titleKey(HttpServletResponse.SC_SERVICE_UNAVAILABLE),
                "currentPath", path,
                "currentSection", ""));
        return templates.process("error", context);
    }

    private static boolean passes(String path) {
        return PASSING_PATHS.contains(path) || PASSING_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
