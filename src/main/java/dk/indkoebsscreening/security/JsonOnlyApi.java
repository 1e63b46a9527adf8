package dk.indkoebsscreening.security;

import dk.indkoebsscreening.system.CheckedInput;
import dk.indkoebsscreening.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call of the JSON API that changes something (POST, PUT, PATCH, DELETE) must say
 * {@code Content-Type: application/json} (UTF-8), with or without a body; anything else is a 415. A
 * browser cannot send that type across sites without asking first (CORS), so a form on another site cannot
 * drive the API with Basic credentials the browser remembers. The one exception is a file upload
 * ({@code POST /api/requests/{id}/attachments}, multipart): it must carry the header {@value #UPLOAD_HEADER},
 * which a form on another site cannot send either. The same holds for the system register's import of a KITOS
 * export ({@code POST /api/register/import}) and the data processors' import of KITOS's oversight
 * ({@code POST /api/systems/processors/kitos-import}).
 */
class JsonOnlyApi extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String UPLOAD_HEADER = "X-Requested-By";
    private static final Pattern UPLOAD_PATH = Pattern.compile(
            "/api/requests/[0-9a-fA-F-]{36}/attachments|/api/register/import|/api/systems/processors/kitos-import");

    private final Problems problems;

    JsonOnlyApi(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CHANGING.contains(request.getMethod()) && !isJson(CheckedInput.declaredContentType(request)) && !isUpload(request)) {
            Locale language = ApiLanguage.of(request);
            problems.write(response, problems.problem(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, null, "body.notJson", null,
                    Problems.pathOf(request), List.of(), language));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        String contentType = request.getContentType();
        return "POST".equals(request.getMethod()) && UPLOAD_PATH.matcher(request.getRequestURI()).matches()
                && request.getHeader(UPLOAD_HEADER) != null && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String charset = type.getParameter("charset");
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    && (charset == null || charset.replace("\"", "").equalsIgnoreCase("UTF-8"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
