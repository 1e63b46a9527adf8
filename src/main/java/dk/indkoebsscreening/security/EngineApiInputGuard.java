package dk.indkoebsscreening.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.system.CheckedInput;
import dk.indkoebsscreening.system.JsonPaths;
import dk.indkoebsscreening.system.PercentEncoding;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No expression reaches the engine from outside, whoever calls, through {@code /engine-rest} or the
 * webapps' {@code /camunda/api}. Camunda 7.24 Community Edition evaluates expressions that an
 * authenticated caller puts into a task query's {@code orQueries} (CVE-2026-109432, no patch), so this
 * inspects what the engine will actually receive and refuses with 400:
 * <ul>
 *   <li>query parameters and form fields, decoded by the input boundary and decoded again here, so that a
 *       double-encoded {@code %2524%257B} is seen too;</li>
 *   <li>the JSON body as the input boundary parsed it (in the charset it declared, or the UTF-8/16/32 it was in)
 *       and passed it on, re-encoded as UTF-8, so the engine reads exactly what was checked: any key ending in
 *       {@code Expression} at any depth ({@code orQueries}, stored filters' queries included), any key or string
 *       containing {@code ${} or {@code #{};</li>
 *   <li>the decoded path.</li>
 * </ul>
 * A body of another type than JSON or a form (deployments, binary variables) is a 415, a form sent otherwise than
 * with POST too; none is passed on. Size, encoding and control characters are the input boundary's, before this.
 * The engine's own {@code enable-expressions-in-*-queries: false} is the second line.
 */
class EngineApiInputGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineApiInputGuard.class);
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final int MAX_DECODING_ROUNDS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request breaks a rule; the message says which, for the administrator who sent it. */
    private static final class Refused extends Exception {

        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            checkType(request);
            checkParameters(request.getParameterMap());
            checkText(PercentEncoding.decodeLeniently(request.getRequestURI()), "path");
            JsonNode json = CheckedInput.jsonBody(request);
            if (json != null) {
                JsonPaths.visitTexts(json, (text, path, key) -> {
                    if (key) {
                        checkName(text, path);
                    } else {
                        checkText(text, path);
                    }
                });
            }
        } catch (Refused refused) {
            log.warn("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteUser(),
                    refused.getMessage());
            refuse(response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    /** JSON (checked by the boundary) and forms sent with POST; any other body is refused unread. */
    private static void checkType(HttpServletRequest request) throws IOException, Refused {
        MediaType type = mediaType(request.getContentType());
        if (type != null && MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            if (!"POST".equals(request.getMethod())) {
                throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Forms are accepted with POST only");
            }
            return;
        }
        boolean json = type != null && CheckedInput.isJson(type);
        if (!json && request.getInputStream().read() >= 0) {
            throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, type == null ? "A body needs a Content-Type"
                    : "Only JSON and form bodies are accepted (deployments and binary variables are refused)");
        }
    }

    private static MediaType mediaType(String contentType) throws Refused {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "The Content-Type must be concrete");
            }
            return type;
        } catch (InvalidMediaTypeException e) {
            throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "The Content-Type cannot be read");
        }
    }

    /** The query's and a form's parameters, as the boundary decoded them; each value decoded again while it changes. */
    private static void checkParameters(Map<String, String[]> parameters) throws Refused {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String where = "parameter " + parameter.getKey();
            checkName(parameter.getKey(), where);
            for (String value : parameter.getValue()) {
                for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
                    checkText(value, where);
                    String decodedAgain = PercentEncoding.decodeLeniently(value);
                    if (decodedAgain.equals(value)) {
                        break;
                    }
                    value = decodedAgain;
                }
            }
        }
    }

    private static void checkName(String name, String where) throws Refused {
        checkText(name, where);
        if (name.toLowerCase(Locale.ROOT).endsWith("expression")) {
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "Expression criteria are not allowed (" + where + ")");
        }
    }

    private static void checkText(String text, String where) throws Refused {
        if (text != null && EXPRESSION.matcher(text).find()) {
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "Expressions are not allowed (" + where + ")");
        }
    }

    /** In the engine REST API's error shape, which Cockpit shows to the operator. */
    private static void refuse(HttpServletResponse response, Refused refused) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("type", "InvalidRequestException",
                "message", "Indkøbsscreening: " + refused.getMessage()));
        response.setStatus(refused.status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
