package dk.indkoebsscreening.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The one shape of every error the machines' APIs answer, RFC 9457 {@code application/problem+json}: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and our {@code errors} per field (always there,
 * empty when no field is at fault), title and detail in the caller's language. Built here for the API's exception
 * handler (Spring MVC writes it) and for the filters, the error dispatch and Tomcat's own refusals (written here),
 * so a client reads every refusal the same way.
 */
@Component
public class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");

    /** Our own problems; every other one is {@code about:blank}, its title the meaning of its status. */
    public enum Type {
        INVALID_INPUT, UNREADABLE_BODY, ILLEGAL_TRANSITION, CONFLICT, REPEATED_INPUT, REFUSED_FILE, PAGE_OUT_OF_RANGE;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        URI uri() {
            return URI.create("urn:indkoebsscreening:problem:" + slug());
        }
    }

    /** One field's problem. */
    public record FieldError(String field, String message) {
    }

    private final MessageSource messages;
    private final ObjectMapper json;

    Problems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * @param type     one of ours, or null for {@code about:blank}
     * @param instance the path asked for (without the query), or null where it cannot be trusted to be one
     */
    public ProblemDetail problem(int status, Type type, String detail, String instance, List<FieldError> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(detail);
        if (type == null) {
            HttpStatus known = HttpStatus.resolve(status);
            problem.setTitle(messages.getMessage("problem.title." + status, null,
                    known == null ? String.valueOf(status) : known.getReasonPhrase(), locale));
        } else {
            problem.setType(type.uri());
            problem.setTitle(messages.getMessage("problem." + type.slug(), null, locale));
        }
        problem.setInstance(asUri(instance));
        problem.setProperty("errors", errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        return problem;
    }

    /** A problem whose detail is a message key (with arguments) in the caller's language. */
    public ProblemDetail problem(int status, Type type, String detailKey, Object[] arguments, String instance,
                                 List<FieldError> errors, Locale locale) {
        return problem(status, type, message(detailKey, arguments, locale), instance, errors, locale);
    }

    /** A refusal of which only the status is known (Tomcat's, a filter's {@code sendError}): what the status says. */
    public ProblemDetail problem(int status, String instance, Locale locale) {
        return problem(status, null, detailKeyFor(status), null, instance, List.of(), locale);
    }

    private static String detailKeyFor(int status) {
        return switch (status) {
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound";
            case 405 -> "error.methodNotAllowed";
            case 406 -> "error.notAcceptable";
            case 413 -> "error.tooLarge";
            case 415 -> "body.notJson";
            default -> status >= 500 ? "error.internal" : "error.badRequest";
        };
    }

    public String message(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** For answers given outside Spring MVC: whatever the caller's {@code Accept} says, no error fails on it. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        byte[] body = bytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public byte[] bytes(ProblemDetail problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path asked for, as the problem's {@code instance}. */
    public static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * A path that is no URI (Tomcat passes on what it refuses) is left out rather than echoed, and so are a path's
     * parameters ({@code ;jsessionid=…}): the problem names the resource asked for, not a session id.
     */
    private static URI asUri(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(PATH_PARAMETERS.matcher(path).replaceAll(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
