package dk.indkoebsscreening.system;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletRequest;
import org.springframework.http.MediaType;

/** What the input boundary leaves on a request it let through, for the checks after it. */
public final class CheckedInput {

    /** The request attribute holding a JSON body as the boundary parsed and checked it. */
    public static final String JSON_BODY = CheckedInput.class.getName() + ".jsonBody";
    /** The request attribute holding the Content-Type the client sent, where the boundary passed on another. */
    public static final String DECLARED_CONTENT_TYPE = CheckedInput.class.getName() + ".declaredContentType";

    private CheckedInput() {
    }

    /** A JSON body by its type, {@code application/json} or {@code application/*+json}: the one test of it for every check. */
    public static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
    }

    /** The checked JSON body, or null when the request had none. */
    public static JsonNode jsonBody(ServletRequest request) {
        return request.getAttribute(JSON_BODY) instanceof JsonNode json ? json : null;
    }

    /** The Content-Type as the client sent it (a JSON body in UTF-16 is passed on as UTF-8). */
    public static String declaredContentType(ServletRequest request) {
        return request.getAttribute(DECLARED_CONTENT_TYPE) instanceof String type ? type : request.getContentType();
    }
}
