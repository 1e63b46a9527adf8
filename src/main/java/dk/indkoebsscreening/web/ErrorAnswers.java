package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.ApiLanguage;
import dk.indkoebsscreening.security.SecurityHeaders;
import dk.indkoebsscreening.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Refusals written by filters, before Spring MVC: a machine (our API, Camunda's, the actuator) gets the JSON API's
 * problem ({@link Problems}) in the caller's language, a person the one error page in theirs. Nothing of the request
 * is echoed but its path, as the problem's {@code instance}.
 */
@Component
class ErrorAnswers {

    private static final List<String> MACHINE_PATHS = List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/");

    private final MessageSource messages;
    private final Problems problems;
    private final SpringTemplateEngine templates;
    private final LocaleResolver locales;

    ErrorAnswers(MessageSource messages, Problems problems, SpringTemplateEngine templates, LocaleResolver locales) {
        this.messages = messages;
        this.problems = problems;
        this.templates = templates;
        this.locales = locales;
    }

    /**
     * What to answer, as message keys ({@code messages.properties}, {@code ui.properties}).
     *
     * @param messageKey      what a machine is told
     * @param pageKey         the page's title (its text is {@code pageKey.text})
     * @param detailKey       what a person is told above the page's own text, or null
     * @param field           the parameter or field concerned, or null
     * @param fieldMessageKey what a machine is told about that field
     */
    record Answer(int status, String messageKey, String pageKey, String detailKey, String field, String fieldMessageKey) {

        static Answer of(int status, String messageKey) {
            return new Answer(status, messageKey, ErrorPage.titleKey(status), null, null, null);
        }
    }

    void write(HttpServletRequest request, HttpServletResponse response, Answer answer) throws IOException {
        SecurityHeaders.writeTo(request, response);
        String path = pathOf(request);
        int status = answer.status();
        if (isMachinePath(path)) {
            Locale language = ApiLanguage.of(request);
            List<Problems.FieldError> errors = answer.field() == null ? List.of()
                    : List.of(new Problems.FieldError(answer.field(), messages.getMessage(answer.fieldMessageKey(), null, language)));
            problems.write(response, problems.problem(status, typeOf(answer), answer.messageKey(), null, path, errors, language));
            return;
        }
        byte[] page = page(request, response, answer, path).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    private static Problems.Type typeOf(Answer answer) {
        if (answer.field() != null) {
            return Problems.Type.INVALID_INPUT;
        }
        return "body.unreadable".equals(answer.messageKey()) ? Problems.Type.UNREADABLE_BODY : null;
    }

    /** The one error template, without the menu: nobody is logged in yet at this point of the request. */
    private String page(HttpServletRequest request, HttpServletResponse response, Answer answer, String path) {
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(request.getServletContext());
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> variables = new HashMap<>(Map.of(
                "status", answer.status(),
                "page", answer.pageKey(),
                "currentPath", path,
                "currentSection", ""));
        if (answer.detailKey() != null) {
            variables.put("detail", messages.getMessage(answer.detailKey(), null, locale));
        }
        return templates.process("error", new WebContext(application.buildExchange(request, response), locale, variables));
    }

    static String pathOf(HttpServletRequest request) {
        return Problems.pathOf(request);
    }

    /** Below a machine's door, or the door itself ({@code /api}, which the API's security chain guards too). */
    static boolean isMachinePath(String path) {
        return MACHINE_PATHS.stream().anyMatch(door -> path.startsWith(door) || path.equals(door.substring(0, door.length() - 1)));
    }
}
