package dk.indkoebsscreening.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Answers given before Spring MVC (filters, Tomcat's own error report) in the JSON API's error shape,
 * {@code {status, message, errors}}, so every client reads every refusal the same way.
 */
public final class JsonErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    /** One field's problem, as the API's validation errors name them. */
    public record FieldError(String field, String message) {
    }

    private record Body(int status, String message, List<FieldError> errors) {
    }

    static String body(int status, String message) {
        return body(status, message, List.of());
    }

    private static String body(int status, String message, List<FieldError> errors) {
        try {
            return JSON.writeValueAsString(new Body(status, message, errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, message, List.of());
    }

    public static void write(HttpServletResponse response, int status, String message, List<FieldError> errors)
            throws IOException {
        byte[] body = body(status, message, errors).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** For Tomcat's own refusals, which happen before any of our code knows the caller's language. */
    static String danishMessageFor(int status) {
        if (status == 404) {
            return "Findes ikke.";
        }
        if (status >= 500) {
            return "Der opstod en fejl. Prøv igen om lidt.";
        }
        return "Forespørgslen er ugyldig.";
    }
}
