package dk.indkoebsscreening.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People in browsers, for the load generator: each logs in through the login form once and then sends its session
 * cookie with every page, as a browser does. One HTTP client for all of them (a client per person would start a
 * thread each); the cookie is kept by hand.
 */
final class PageSessions {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("(JSESSIONID=[^;]+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    PageSessions(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** One person's session: the cookie the login gave. */
    record Session(String user, String cookie) {
    }

    Session login(String user) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String anonymous = cookie(form);
        Matcher csrf = CSRF_INPUT.matcher(form.body());
        if (anonymous == null || !csrf.find()) {
            throw new IllegalStateException("No login form for " + user + ": " + form.statusCode());
        }
        String fields = "username=" + encode(user) + "&password=demo&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", anonymous)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields))
                .build(), HttpResponse.BodyHandlers.ofString());
        String session = cookie(loggedIn);
        if (loggedIn.statusCode() != 302 || session == null || loggedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: " + loggedIn.statusCode() + " " + loggedIn.headers().map());
        }
        return new Session(user, session);
    }

    /** A page as the browser fetches it; the status (a login page instead of the page would be a 302). */
    int get(Session session, String path) throws IOException, InterruptedException {
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie())
                .header("Accept", "text/html").header("Accept-Language", "da").GET().build(), HttpResponse.BodyHandlers.discarding());
        return page.statusCode();
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher).filter(Matcher::find)
                .map(matcher -> matcher.group(1)).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
