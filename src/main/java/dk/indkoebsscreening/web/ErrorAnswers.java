package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.ApiLanguage;
import dk.indkoebsscreening.security.JsonErrors;
import dk.indkoebsscreening.security.SecurityHeaders;
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
 * error shape in the caller's language, a person the one error page in theirs. Nothing of the request is echoed.
 */
@Component
class ErrorAnswers {

    private static final List<String> MACHINE_PATHS = List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/");

    private final MessageSource messages;
    private final SpringTemplateEngine templates;
    private final LocaleResolver locales;

    ErrorAnswers(MessageSource messages, SpringTemplateEngine templates, LocaleResolver locales) {
        this.messages = messages;
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
        if (MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            Locale language = ApiLanguage.of(request);
            List<JsonErrors.FieldError> errors = answer.field() == null ? List.of()
                    : List.of(new JsonErrors.FieldError(answer.field(), messages.getMessage(answer.fieldMessageKey(), null, language)));
            JsonErrors.write(response, status, messages.getMessage(answer.messageKey(), null, language), errors);
            return;
        }
        byte[] page = page(request, response, answer, path).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
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
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
