package dk.indkoebsscreening.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dk.indkoebsscreening.system.CheckedInput;
import dk.indkoebsscreening.system.ControlCharacters;
import dk.indkoebsscreening.system.JsonPaths;
import dk.indkoebsscreening.system.PercentEncoding;
import dk.indkoebsscreening.system.RefusedInputException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one input boundary: the first thing every request meets, whatever its door (pages, {@code /api},
 * {@code /engine-rest}, {@code /camunda/**}, the login, the actuator), before any login, handler or query runs. A new
 * endpoint gets it without a line of its own. It refuses, with 400 (a Danish page for people, JSON for machines):
 * <ul>
 *   <li>a path Spring Security's strict firewall refuses ({@code ..;/}, {@code //}, encoded slashes), letters,
 *       digits and {@code -._~} written percent-encoded ({@code /%63amunda/} is a disguise), control characters in
 *       the decoded path;</li>
 *   <li>query parameters and form fields that are not valid percent-encoded UTF-8, more than {@value #MAX_PARAMETERS}
 *       of them, or any with a control character ({@link ControlCharacters}: NUL, escape, …; tab and line breaks
 *       are text);</li>
 *   <li>HTTP Basic credentials with a control character (a NUL in a user name reached PostgreSQL and gave a 500 on
 *       every door that takes Basic);</li>
 *   <li>a JSON body that is not strict JSON (duplicate keys, anything after the value), nested deeper than
 *       {@value #MAX_JSON_DEPTH}, or with a control character in a key or a string; it is read in the charset it
 *       declares, or the UTF-8/16/32 it is in, and passed on as the UTF-8 that was checked;</li>
 *   <li>a multipart form whose fields, part names or file names hold a control character (checked when first read);</li>
 *   <li>a JSON or form body over {@value #MAX_BODY_BYTES} bytes (413), a form in another charset than UTF-8, a
 *       Content-Type that cannot be read (415), and more than one Content-Type (400).</li>
 * </ul>
 * Spring Boot's {@code /error}, where errors are forwarded, is no address a client may ask for (it answered 500): 404.
 * What the fields mean (lengths, dates, choices) is each form's own validation, in its language.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputBoundary extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MAX_JSON_DEPTH = 32;
    static final int MAX_PARAMETERS = 1000;
    static final String CONTROL_CHARACTERS = "input.controlCharacters";
    private static final String MALFORMED = "input.malformed";
    private static final String ERROR_PAGE = "/error";

    private static final Logger log = LoggerFactory.getLogger(InputBoundary.class);
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ErrorAnswers answers;

    InputBoundary(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CheckedRequest checked;
        try {
            checkPath(request);
            List<Map.Entry<String, String>> query = parameters(request.getQueryString());
            checkBasicCredentials(request);
            checked = checkBody(request, query);
        } catch (RefusedInputException refused) {
            refuse(request, response, refused);
            return;
        }
        try {
            chain.doFilter(checked, response);
        } catch (ServletException | IOException | RuntimeException e) {
            // A multipart form's fields are checked when first read, which may be deep inside the chain.
            RefusedInputException refused = refusalIn(e);
            if (refused == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, refused);
        }
    }

    private void checkPath(HttpServletRequest request) {
        // Spring Boot's error page answers 500 to a client that asks for it: it is only where errors are forwarded.
        if (ErrorAnswers.pathOf(request).equals(ERROR_PAGE)) {
            throw new RefusedInputException(HttpServletResponse.SC_NOT_FOUND, "error.notFound", null);
        }
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, MALFORMED, null);
        }
        String path = request.getRequestURI();
        for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
            int high = PercentEncoding.hex(path.charAt(i + 1));
            int low = PercentEncoding.hex(path.charAt(i + 2));
            int value = high * 16 + low;
            if (high >= 0 && low >= 0 && (Character.isLetterOrDigit(value) && value < 128 || "-._~".indexOf(value) >= 0)) {
                throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, MALFORMED, null);
            }
        }
        checkText(decode(path), null);
    }

    private static List<Map.Entry<String, String>> parameters(String encoded) {
        List<Map.Entry<String, String>> parameters;
        try {
            parameters = PercentEncoding.parameters(encoded);
        } catch (PercentEncoding.MalformedException e) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, MALFORMED, null);
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, "input.tooManyParameters", null);
        }
        for (Map.Entry<String, String> parameter : parameters) {
            checkText(parameter.getKey(), null);
            checkText(parameter.getValue(), parameter.getKey());
        }
        return parameters;
    }

    /**
     * Spring Security decodes Basic credentials as UTF-8 and hands the user name to the identity service's query. This
     * reads the header exactly as its BasicAuthenticationConverter does (trimmed, "Basic" in any case, the token from
     * the seventh character whatever the sixth is), so that no spelling it takes passes here unchecked.
     */
    private static void checkBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        String header = authorization.trim();
        if (!StringUtils.startsWithIgnoreCase(header, "Basic") || header.length() <= 6) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return; // Spring Security answers 401
        }
        checkText(new String(decoded, StandardCharsets.UTF_8), HttpHeaders.AUTHORIZATION);
    }

    private static CheckedRequest checkBody(HttpServletRequest request, List<Map.Entry<String, String>> query)
            throws IOException {
        if (Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE)).size() > 1) {
            // Which of them a reader takes is its own choice: the one checked here need not be the one it reads.
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, MALFORMED, null);
        }
        MediaType type = mediaType(request.getContentType());
        if (type == null) {
            return CheckedRequest.asIs(request);
        }
        if (MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type)) {
            return CheckedRequest.multipart(request);
        }
        boolean json = CheckedInput.isJson(type);
        boolean form = MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type);
        if (!json && !form) {
            return CheckedRequest.asIs(request);
        }
        byte[] body = read(request);
        Charset declared = charset(type.getParameter("charset"));
        if (form) {
            if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
                throw new RefusedInputException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "body.charset", null);
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            query.forEach(parameter -> add(parameters, parameter));
            parameters(decodeStrictly(body, StandardCharsets.UTF_8)).forEach(parameter -> add(parameters, parameter));
            if (parameters.size() > MAX_PARAMETERS) {
                throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, "input.tooManyParameters", null);
            }
            return CheckedRequest.withForm(request, body, parameters);
        }
        if (body.length == 0) {
            return CheckedRequest.asIs(request);
        }
        JsonNode parsed = parseJson(body, declared);
        JsonPaths.visitTexts(parsed, (text, path, key) -> checkText(text, path.isEmpty() ? null : path));
        request.setAttribute(CheckedInput.JSON_BODY, parsed);
        request.setAttribute(CheckedInput.DECLARED_CONTENT_TYPE, request.getContentType());
        MediaType utf8 = new MediaType(type.getType(), type.getSubtype(), StandardCharsets.UTF_8);
        return CheckedRequest.withJson(request, STRICT_JSON.writeValueAsBytes(parsed), utf8.toString());
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new RefusedInputException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body.tooLarge", null);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new RefusedInputException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body.tooLarge", null);
        }
        return body;
    }

    private static void add(Map<String, String[]> parameters, Map.Entry<String, String> parameter) {
        parameters.merge(parameter.getKey(), new String[] {parameter.getValue()}, (earlier, more) -> {
            String[] all = new String[earlier.length + more.length];
            System.arraycopy(earlier, 0, all, 0, earlier.length);
            System.arraycopy(more, 0, all, earlier.length, more.length);
            return all;
        });
    }

    /** A declared charset is decoded strictly; without one, Jackson detects UTF-8, UTF-16 or UTF-32 from the bytes. */
    private static JsonNode parseJson(byte[] body, Charset declared) {
        try {
            JsonNode json = declared == null ? STRICT_JSON.readTree(body) : STRICT_JSON.readTree(decodeStrictly(body, declared));
            if (json == null || json.isMissingNode()) {
                throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, "body.unreadable", null);
            }
            return json;
        } catch (IOException e) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, "body.unreadable", null);
        }
    }

    /** @param field named in the answer; null where the name itself is what cannot be shown */
    private static void checkText(String text, String field) {
        if (ControlCharacters.firstForbidden(text) >= 0) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, CONTROL_CHARACTERS,
                    field == null || ControlCharacters.firstForbidden(field) >= 0 ? null : field);
        }
    }

    private static String decode(String encoded) {
        try {
            return PercentEncoding.decode(encoded);
        } catch (PercentEncoding.MalformedException e) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, MALFORMED, null);
        }
    }

    private static String decodeStrictly(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, MALFORMED, null);
        }
    }

    /**
     * Null when there is none. One that cannot be read is refused: Tomcat would still read the body as a form by the
     * type before its first ";" (and Spring as multipart by its start), so passing it on unchecked would open every door.
     */
    private static MediaType mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new RefusedInputException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "body.contentType", null);
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.replace("\"", "").strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new RefusedInputException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "body.charset", null);
        }
    }

    private static RefusedInputException refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedInputException refused) {
                return refused;
            }
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RefusedInputException refused)
            throws IOException {
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), refused.getMessage());
        if (refused.status() == HttpServletResponse.SC_NOT_FOUND) {
            answers.write(request, response, ErrorAnswers.Answer.of(refused.status(), refused.messageKey()));
            return;
        }
        String detail = switch (refused.status()) {
            case HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE -> "input.page.tooLarge";
            case HttpServletResponse.SC_BAD_REQUEST -> CONTROL_CHARACTERS.equals(refused.messageKey())
                    ? "input.page.controlCharacters" : "input.page.malformed";
            default -> "input.page.malformed";
        };
        answers.write(request, response, new ErrorAnswers.Answer(refused.status(), refused.messageKey(), "error.page.400",
                detail, refused.field(), refused.field() == null ? null : "field.controlCharacters"));
    }
}
