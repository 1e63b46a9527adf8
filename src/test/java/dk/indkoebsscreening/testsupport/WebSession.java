package dk.indkoebsscreening.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session over plain HTTP: logs in through the application's login form (session cookie,
 * CSRF token) and then calls pages and Camunda's webapp APIs the way their scripts do, echoing
 * Camunda's {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN}.
 */
public final class WebSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in with the demo password; returns where the login sent the browser. */
    public String login(String user) {
        return login(user, "demo");
    }

    public String login(String user, String password) {
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken("/login"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)));
        return response.headers().firstValue("Location").orElse("");
    }

    /** The CSRF token of the form on a page of the application. */
    public String csrfToken(String page) {
        Matcher matcher = CSRF_INPUT.matcher(get(page).body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on " + page);
        }
        return matcher.group(1);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", xsrfToken()).GET());
    }

    /** A request as a webapp's script sends it: any method, body and content type, with the XSRF header. */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", xsrfToken())
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A multipart form as a browser posts it from a page (its fields, the CSRF token among them, in the body). */
    public HttpResponse<String> postMultipart(String action, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", contentType)
                .header("Accept", "text/html,application/xhtml+xml").POST(BodyPublishers.ofByteArray(body)));
    }

    /** A form posted from one of the application's pages, with the page's CSRF token. */
    public HttpResponse<String> postForm(String page, String action, String fields) {
        String form = fields + (fields.isEmpty() ? "" : "&") + "_csrf=" + encode(csrfToken(page));
        return send(HttpRequest.newBuilder(uri(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)));
    }

    private String xsrfToken() {
        // Camunda's CSRF filter sets the cookie on the first webapp response; until then there is none.
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("none");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
