package dk.indkoebsscreening.web;

import dk.indkoebsscreening.system.ControlCharacters;
import dk.indkoebsscreening.system.RefusedInputException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.http.HttpHeaders;

/**
 * The request as the input boundary let it through. A JSON or form body is replaced by exactly the bytes that were
 * checked (UTF-8, with a matching type and length), and a form's parameters are the ones the boundary decoded, so
 * nothing downstream decodes the original more laxly. A multipart form's fields and part names are checked when
 * they are first read (Spring reads them lazily, so that our handlers answer a too large file themselves).
 */
final class CheckedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final String contentType;
    private final Map<String, String[]> parameters;
    private final boolean multipart;
    private volatile boolean multipartChecked;

    private CheckedRequest(HttpServletRequest request, byte[] body, String contentType, Map<String, String[]> parameters,
                           boolean multipart) {
        super(request);
        this.body = body;
        this.contentType = contentType;
        this.parameters = parameters;
        this.multipart = multipart;
    }

    /** Nothing replaced: the query string was checked, there is no body to check. */
    static CheckedRequest asIs(HttpServletRequest request) {
        return new CheckedRequest(request, null, null, null, false);
    }

    static CheckedRequest withJson(HttpServletRequest request, byte[] utf8Json, String contentType) {
        return new CheckedRequest(request, utf8Json, contentType, null, false);
    }

    /** @param parameters the query's and then the body's, as the servlet API orders them */
    static CheckedRequest withForm(HttpServletRequest request, byte[] body, Map<String, String[]> parameters) {
        return new CheckedRequest(request, body, null, Collections.unmodifiableMap(parameters), false);
    }

    static CheckedRequest multipart(HttpServletRequest request) {
        return new CheckedRequest(request, null, null, null, true);
    }

    @Override
    public String getContentType() {
        return contentType != null ? contentType : super.getContentType();
    }

    @Override
    public String getCharacterEncoding() {
        return body != null ? StandardCharsets.UTF_8.name() : super.getCharacterEncoding();
    }

    @Override
    public int getContentLength() {
        return body != null ? body.length : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return body != null ? body.length : super.getContentLengthLong();
    }

    @Override
    public String getHeader(String name) {
        if (body != null && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return Integer.toString(body.length);
        }
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            return getContentType();
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        boolean replaced = body != null && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                || contentType != null && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
        return replaced ? Collections.enumeration(List.of(getHeader(name))) : super.getHeaders(name);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
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
    public BufferedReader getReader() throws IOException {
        return body == null ? super.getReader()
                : new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters != null) {
            return parameters;
        }
        Map<String, String[]> map;
        try {
            map = multipart ? parsingParts(super::getParameterMap) : super.getParameterMap();
        } catch (IOException | ServletException e) {
            throw new IllegalStateException(e);
        }
        if (multipart && !multipartChecked) {
            map.forEach((name, values) -> {
                check(name, name);
                for (String value : values) {
                    check(value, name);
                }
            });
            multipartChecked = true;
        }
        return map;
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        Collection<Part> parts = parsingParts(super::getParts);
        if (multipart) {
            parts.forEach(CheckedRequest::check);
        }
        return parts;
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        Part part = super.getPart(name);
        if (multipart && part != null) {
            check(part);
        }
        return part;
    }

    private interface Parsing<T> {
        T parse() throws IOException, ServletException;
    }

    /**
     * Tomcat refuses a part whose file name holds a NUL itself, with an exception of its own wherever the parts are
     * first read (Spring Security's CSRF filter, a handler): the same refusal as any other control character.
     */
    private static <T> T parsingParts(Parsing<T> parsing) throws IOException, ServletException {
        try {
            return parsing.parse();
        } catch (IOException | ServletException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidFileNameException) {
                    throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, InputBoundary.CONTROL_CHARACTERS, null);
                }
            }
            throw e;
        }
    }

    /** A part's name and file name are headers the sender wrote; the file's own content is the attachments' to judge. */
    private static void check(Part part) {
        check(part.getName(), part.getName());
        if (part.getSubmittedFileName() != null) {
            check(part.getSubmittedFileName(), part.getName());
        }
    }

    private static void check(String text, String field) {
        if (text != null && ControlCharacters.firstForbidden(text) >= 0) {
            throw new RefusedInputException(HttpServletResponse.SC_BAD_REQUEST, InputBoundary.CONTROL_CHARACTERS,
                    ControlCharacters.firstForbidden(field == null ? "" : field) >= 0 ? null : field);
        }
    }
}
