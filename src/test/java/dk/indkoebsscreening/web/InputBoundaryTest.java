package dk.indkoebsscreening.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.testsupport.ApiClient;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * The input boundary, attacked on every door: what no handler may see is refused with a 400 (a Danish page for
 * people, JSON naming the field for machines), never a 500, nothing is stored, and nothing is logged as an error.
 */
class InputBoundaryTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOORS = List.of("/api/tasks", "/engine-rest/engine", "/camunda/api/engine/engine/",
            "/opgaver", "/anmodninger", "/actuator/health", "/actuator/metrics");

    @RegisterExtension
    final LogCapture log = new LogCapture(Logger.ROOT_LOGGER_NAME);

    @Test
    void aNulInBasicCredentialsIsRefusedOnEveryDoorWithoutAnError() {
        RawHttp http = new RawHttp(port);
        for (String credentials : List.of("x\u0000:y", "anna\u0000:demo", "anna:de\u0000mo", "admin\u0001:demo")) {
            String token = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            // Every spelling Spring Security takes: "Basic" in any case, then any one character, then the token.
            for (String scheme : List.of("Basic ", "BASIC ", "basic ", " Basic ", "Basic\t", "Basicx", "Basic:")) {
                for (String door : DOORS) {
                    RawHttp.Reply reply = http.send("GET", door, Map.of("Authorization", scheme + token), null);
                    assertThat(reply.status()).as(door + " " + scheme + credentials.replace('\u0000', '0')).isEqualTo(400);
                    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
                }
            }
        }
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void controlCharactersInParametersAreRefusedBeforeAnyQueryOnEveryDoor() {
        long requests = count("purchase_request");
        for (String path : List.of("/api/requests/search?q=%00", "/api/register?q=a%00b", "/api/register/similar?systemName=abc%00",
                "/api/requests/search?q=%1B%5B31m", "/api/tasks?x%00=1", "/api/requests/search?q=%C2%85")) {
            ApiClient.RawResponse response = api.raw("anna", "GET", path, null, null);
            assertThat(response.status()).as(path).isEqualTo(400);
            JsonNode body = read(response.body());
            assertThat(body.get("detail").asText()).as(path).contains("tegn, der ikke kan bruges");
        }
        ApiClient.RawResponse named = api.raw("anna", "GET", "/api/requests/search?q=%00", null, null);
        assertThat(read(named.body()).get("errors").get(0).get("field").asText()).isEqualTo("q");

        WebSession browser = new WebSession(port);
        browser.login("koordinator");
        for (String page : List.of("/anmodninger/alle?q=%00", "/anmodninger/lignende?systemName=abc%00", "/systemer?q=%00",
                "/opgaver?q=%00", "/anmodninger/alle?q=x&status=%07")) {
            HttpResponse<String> answer = browser.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(400);
            assertThat(answer.body()).as(page).contains("Det, du sendte, kunne ikke bruges", "usynligt styretegn");
        }
        assertThat(count("purchase_request")).isEqualTo(requests);
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void malformedEncodingsAreRefusedOnEveryDoor() {
        for (String query : List.of("?q=%ZZ", "?q=%", "?q=%C3%28", "?q=%ED%A0%80")) {
            for (String door : DOORS) {
                RawHttp.Reply reply = new RawHttp(port).get("admin", door + query);
                assertThat(reply.status()).as(door + query).isEqualTo(400);
            }
        }
    }

    @Test
    void farDatesAreRefusedAsDatesNotStoredAndNeverA500() {
        long absences = count("user_absence");
        for (String date : List.of("+999999999-01-01", "-999999999-01-01", "0001-01-01", "10000-01-01", "2026-02-30")) {
            ApiClient.RawResponse search = api.raw("anna", "GET",
                    "/api/requests/search?submittedFrom=" + WebSession.encode(date), null, null);
            assertThat(search.status()).as("search " + date).isEqualTo(400);

            ApiClient.RawResponse absence = api.raw("sikkerhed", "PUT", "/api/me/absence", "application/json",
                    json(Map.of("from", date, "to", LocalDate.now().plusDays(3).toString())));
            assertThat(absence.status()).as("absence " + date).isEqualTo(400);
            assertThat(read(absence.body()).get("errors").get(0).get("field").asText()).isEqualTo("from");

            Map<String, Object> form = ApiClient.validRequest("Langt ude i fremtiden " + date);
            form.put("desiredStartDate", date);
            ApiClient.Response submitted = api.post("anna", "/api/requests", form);
            assertThat(submitted.status()).as("request " + date).isEqualTo(400);
        }
        WebSession browser = new WebSession(port);
        browser.login("sikkerhed");
        HttpResponse<String> page = browser.postForm("/indstillinger/fravaer", "/indstillinger/fravaer",
                "from=" + WebSession.encode("-999999999-01-01") + "&to=" + LocalDate.now().plusDays(3));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(count("user_absence")).isEqualTo(absences);
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void requiredTextOfOnlyInvisibleCharactersIsMissing() {
        long requests = count("purchase_request");
        Map<String, Object> form = ApiClient.validRequest("\u200B\u00A0\u3000");
        form.put("systemName", "\u2800\u2800");
        form.put("vendor", "\u115F");
        form.put("need", "\u00A0\u200D\uFEFF");
        form.put("department", "\u3164");

        ApiClient.Response response = api.post("anna", "/api/requests", form);

        assertThat(response.status()).isEqualTo(400);
        Map<String, String> errors = errorsOf(response.body());
        assertThat(errors).containsOnlyKeys("title", "systemName", "vendor", "need", "department");
        assertThat(errors.get("title")).doesNotContain("tegn, der ikke kan bruges");
        // Variation selectors, other combining marks on nothing, the null notehead: nothing anyone sees either.
        for (String nothing : List.of("\uFE0F", "\uDB40\uDD00", "\u17B4\u17B5", "\u180B", "\u0300", "\uD834\uDD59", "\u2062")) {
            ApiClient.Response invisible = api.post("anna", "/api/requests", ApiClient.validRequest(nothing));
            assertThat(invisible.status()).as(nothing.codePoints().mapToObj(Integer::toHexString).toList().toString()).isEqualTo(400);
            assertThat(errorsOf(invisible.body())).containsOnlyKeys("title");
        }
        assertThat(count("purchase_request")).isEqualTo(requests);
    }

    /**
     * The duplicate check scored every registered system against the name typed: 7 000 characters cost seconds. A
     * name longer than a request may hold is refused unread, also when a refused form shows the form again.
     */
    @Test
    void theDuplicateCheckRefusesANameLongerThanARequestHoldsBeforeAnyQuery() {
        String tooLong = "Bookingsystem ".repeat(15);
        ApiClient.RawResponse similar = api.raw("anna", "GET", "/api/register/similar?systemName="
                + WebSession.encode(tooLong), null, null);
        assertThat(similar.status()).isEqualTo(400);
        assertThat(read(similar.body()).get("errors").get(0).get("field").asText()).isEqualTo("systemName");
        assertThat(api.raw("anna", "GET", "/api/register/similar?systemName=Booking&vendor="
                + WebSession.encode(tooLong), null, null).status()).isEqualTo(400);
        assertThat(api.raw("anna", "GET", "/api/register?q=" + WebSession.encode(tooLong), null, null).status()).isEqualTo(400);
        assertThat(api.raw("anna", "GET", "/api/requests/search?q=" + WebSession.encode(tooLong), null, null).status()).isEqualTo(400);

        WebSession browser = new WebSession(port);
        browser.login("anna");
        HttpResponse<String> fragment = browser.get("/anmodninger/lignende?systemName=" + WebSession.encode(tooLong));
        assertThat(fragment.statusCode()).isEqualTo(200);
        HttpResponse<String> refusedForm = browser.postForm("/anmodninger/ny", "/anmodninger/ny",
                "systemName=" + WebSession.encode("x".repeat(500_000)));
        assertThat(refusedForm.statusCode()).isEqualTo(200);
        assertThat(refusedForm.body()).contains("Teksten er for lang (højst 200 tegn)");
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void directionMarksAreRefusedWhereOverridesAre() {
        for (String mark : List.of("\u200E", "\u200F", "\u061C")) {
            ApiClient.Response response = api.post("anna", "/api/requests", ApiClient.validRequest("Titel " + mark + "exe.pdf"));
            assertThat(response.status()).isEqualTo(400);
            assertThat(errorsOf(response.body())).containsOnlyKeys("title");
        }
    }

    @Test
    void jsonThatIsTooDeepOrHidesAControlCharacterInAKeyIsRefused() {
        String deep = "{\"title\":" + "[".repeat(40) + "]".repeat(40) + "}";
        for (String body : List.of(deep, "{\"ti\\u0000tle\":\"x\"}", "{\"title\":\"\\ud800\"}", "{\"a\":1}{\"b\":2}")) {
            for (String path : List.of("/api/requests", "/engine-rest/task/count")) {
                ApiClient.RawResponse response = api.raw("admin", "POST", path, "application/json",
                        body.getBytes(StandardCharsets.UTF_8));
                assertThat(response.status()).as(path + " " + body.substring(0, Math.min(20, body.length()))).isEqualTo(400);
                assertThat(response.body()).doesNotContain("\u0000");
            }
        }
        assertThat(log.errors()).isEmpty();
    }

    /** Tomcat reads a body as a form by the type before its first ";", whatever follows: the boundary may not pass it by. */
    @Test
    void aContentTypeThatCannotBeReadOrIsSentTwiceIsRefusedOnEveryDoor() {
        WebSession browser = new WebSession(port);
        String token = browser.csrfToken("/login");
        for (String type : List.of("application/x-www-form-urlencoded; x=a@b", "application/x-www-form-urlencoded;charset=\"utf-8",
                "multipart/form-data; boundary=X; x=a@b")) {
            HttpResponse<String> login = browser.send("POST", "/login", type,
                    ("username=x%00y&password=demo&_csrf=" + WebSession.encode(token)).getBytes(StandardCharsets.UTF_8));
            assertThat(login.statusCode()).as(type).isEqualTo(415);
            assertThat(api.raw("anna", "POST", "/api/requests", type, "{}".getBytes(StandardCharsets.UTF_8)).status())
                    .as(type).isEqualTo(415);
        }
        RawHttp.Reply twice = new RawHttp(port).send("POST", "/engine-rest/task/count",
                Map.of("Authorization", RawHttp.basic("admin"), "Content-Type", "application/x-www-form-urlencoded",
                        "content-type", "application/json"), "{\"nameLike\":\"\\u0024{x}\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() {
        byte[] large = ("{\"title\":\"" + "x".repeat(InputBoundary.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(api.raw("anna", "POST", "/api/requests", "application/json", large).status()).isEqualTo(413);
        WebSession browser = new WebSession(port);
        browser.login("anna");
        HttpResponse<String> page = browser.postForm("/anmodninger/ny", "/anmodninger/ny",
                "title=" + "x".repeat(InputBoundary.MAX_BODY_BYTES));
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("Formularen fylder mere, end der kan modtages");
    }

    @Test
    void aMultipartFormsFieldsAndFileNamesAreCheckedToo() {
        long requests = count("purchase_request");
        WebSession browser = new WebSession(port);
        browser.login("anna");
        String token = browser.csrfToken("/anmodninger/ny");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", token);
        fields.put("title", "Multipart\u0000");
        fields.put("systemName", "X");
        HttpResponse<String> page = browser.postMultipart("/anmodninger/ny?_csrf=" + WebSession.encode(token),
                "multipart/form-data; boundary=GRAENSE", multipart(fields, null));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("usynligt styretegn");

        String requestId = api.submit("anna", "Bilag med styretegn i navnet").get("id").asText();
        long attachments = count("attachment");
        ApiClient.RawResponse upload = api.upload("anna", "/api/requests/" + requestId + "/attachments",
                "multipart/form-data; boundary=GRAENSE", multipart(Map.of(), "tilbud\u0000.pdf"));
        assertThat(upload.status()).isEqualTo(400);
        assertThat(count("attachment")).isEqualTo(attachments);
        assertThat(count("purchase_request")).isEqualTo(requests + 1);
        assertThat(log.errors()).isEmpty();
    }

    private static byte[] multipart(Map<String, String> fields, String fileName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--GRAENSE\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            body.writeBytes(("--GRAENSE\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/plain\r\n\r\nTilbud\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes("--GRAENSE--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static Map<String, String> errorsOf(JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        body.get("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("message").asText()));
        return errors;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
