package dk.indkoebsscreening.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
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
 *   <li>query parameters and form bodies after full percent-decoding (and decoding again, so that a
 *       double-encoded {@code %2524%257B} is seen too);</li>
 *   <li>JSON bodies parsed strictly in the charset they declare, or the UTF-8/16/32 they are in: any key
 *       ending in {@code Expression} at any depth ({@code orQueries}, stored filters' queries included),
 *       any key or string containing {@code ${} or {@code #{}. The parsed body is passed on re-encoded
 *       as UTF-8, so the engine reads exactly what was checked;</li>
 *   <li>the decoded path.</li>
 * </ul>
 * A body that cannot be decoded or parsed is a 400, a type other than JSON or a form a 415, a body over
 * 1 MiB a 413; none is passed on. The engine's own {@code enable-expressions-in-*-queries: false} is the
 * second line.
 */
class EngineApiInputGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineApiInputGuard.class);
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final int MAX_DECODING_ROUNDS = 4;
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

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
        HttpServletRequest checked;
        try {
            checkParameters(request.getQueryString(), "query");
            checkText(PercentEncoding.decode(request.getRequestURI()), "path");
            checked = checkBody(request);
        } catch (Refused refused) {
            log.warn("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteUser(),
                    refused.getMessage());
            refuse(response, refused);
            return;
        } catch (PercentEncoding.MalformedException e) {
            refuse(response, new Refused(HttpServletResponse.SC_BAD_REQUEST, e.getMessage()));
            return;
        }
        chain.doFilter(checked, response);
    }

    private static HttpServletRequest checkBody(HttpServletRequest request)
            throws IOException, Refused, PercentEncoding.MalformedException {
        // Spring's FormContentFilter has read PUT, PATCH and DELETE forms before this guard, which would see no body.
        String contentType = request.getContentType();
        if (contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                && !"POST".equals(request.getMethod())) {
            throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Forms are accepted with POST only");
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new Refused(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The body is larger than 1 MiB");
        }
        if (body.length == 0) {
            return request;
        }
        MediaType type = mediaType(request.getContentType());
        if (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json")) {
            JsonNode json = parseJson(body, type.getParameter("charset"));
            checkJson(json, "");
            return new CheckedBodyRequest(request, writeUtf8(json));
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            Charset charset = charset(type.getParameter("charset"));
            if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Forms must be UTF-8");
            }
            checkParameters(decodeStrictly(body, StandardCharsets.UTF_8), "form");
            return new CheckedBodyRequest(request, body, request.getContentType());
        }
        throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                "Only JSON and form bodies are accepted (deployments and binary variables are refused)");
    }

    private static MediaType mediaType(String contentType) throws Refused {
        if (contentType == null) {
            throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "A body needs a Content-Type");
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

    /** A declared charset is decoded strictly; without one, Jackson detects UTF-8, UTF-16 or UTF-32 from the bytes. */
    private static JsonNode parseJson(byte[] body, String declaredCharset) throws Refused {
        try {
            Charset charset = charset(declaredCharset);
            JsonNode json = charset == null ? STRICT_JSON.readTree(body) : STRICT_JSON.readTree(decodeStrictly(body, charset));
            if (json == null || json.isMissingNode()) {
                throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "The body is not JSON");
            }
            return json;
        } catch (IOException e) {
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "The body is not valid JSON");
        }
    }

    private static Charset charset(String name) throws Refused {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new Refused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unknown charset");
        }
    }

    private static String decodeStrictly(byte[] body, Charset charset) throws Refused {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "The body is not valid " + charset.name());
        }
    }

    private static void checkJson(JsonNode node, String path) throws Refused {
        if (node.isTextual()) {
            checkText(node.textValue(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkJson(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                checkName(field.getKey(), fieldPath);
                checkJson(field.getValue(), fieldPath);
            }
        }
    }

    private static void checkParameters(String encoded, String where) throws Refused, PercentEncoding.MalformedException {
        for (Map.Entry<String, String> parameter : PercentEncoding.parameters(encoded)) {
            checkName(parameter.getKey(), where + " parameter " + parameter.getKey());
            String value = parameter.getValue();
            for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
                checkText(value, where + " parameter " + parameter.getKey());
                String decodedAgain = PercentEncoding.decodeLeniently(value);
                if (decodedAgain.equals(value)) {
                    break;
                }
                value = decodedAgain;
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

    private static byte[] writeUtf8(JsonNode json) throws Refused {
        try {
            return STRICT_JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "The body cannot be passed on");
        }
    }

    /** In the engine REST API's error shape, which Cockpit shows to the operator. */
    private static void refuse(HttpServletResponse response, Refused refused) throws IOException {
        byte[] body = STRICT_JSON.writeValueAsBytes(Map.of("type", "InvalidRequestException",
                "message", "Indkøbsscreening: " + refused.getMessage()));
        response.setStatus(refused.status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Hands on exactly the bytes that were checked, with a matching type and length. */
    private static final class CheckedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private final String contentType;

        CheckedBodyRequest(HttpServletRequest request, byte[] utf8Json) {
            this(request, utf8Json, MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8");
        }

        CheckedBodyRequest(HttpServletRequest request, byte[] body, String contentType) {
            super(request);
            this.body = body;
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                return contentType;
            }
            if ("Content-Length".equalsIgnoreCase(name)) {
                return Integer.toString(body.length);
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String replaced = "Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)
                    ? getHeader(name) : null;
            return replaced != null ? Collections.enumeration(List.of(replaced)) : super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream input = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return input.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Blocking reads only");
                }

                @Override
                public int read() {
                    return input.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return input.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
