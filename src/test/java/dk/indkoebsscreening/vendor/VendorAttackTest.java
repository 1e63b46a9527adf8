package dk.indkoebsscreening.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indkoebsscreening.attachment.Upload;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.LogCapture;
import dk.indkoebsscreening.testsupport.RawHttp;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;

/**
 * The vendor's link and pages attacked: guessed, malformed, expired, revoked and closed links, another request's link,
 * a link replayed after revocation, a vendor's session against every other door, forms without CSRF, markup and
 * control characters in answers, hostile files, and too many tries. Each is refused, and nothing is stored or changed
 * (answers, files, rounds, the vendor's history, events and mails).
 */
class VendorAttackTest extends ApiTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String URLENCODED = "application/x-www-form-urlencoded";

    @Autowired
    VendorInvitations invitations;
    @Autowired
    VendorLinks links;
    @Autowired
    VendorAnswers answers;

    @Value("${indkoeb.vendor.rate-limit.refused-links-per-address}")
    int refusedLinksPerAddress;

    @Value("${indkoeb.vendor.rate-limit.writes-per-invitation:300}")
    int writesPerInvitation;

    @RegisterExtension
    final LogCapture log = new LogCapture("ROOT");

    private VendorSessions vendors;

    @BeforeEach
    void vendors() {
        vendors = new VendorSessions(invitations, links, jdbc, port);
    }

    @Test
    void guessedAndMalformedLinksLeadNowhereAndChangeNothing() {
        String requestId = api.submit("anna", "Angreb: gættede links").get("id").asText();
        String token = vendors.token(vendors.invite(requestId, VendorLanguage.DA));
        Map<String, Object> before = vendors.state(requestId);
        RawHttp guesser = new RawHttp(port, "127.0.0.31");
        String guessed = randomToken();
        Map<String, List<Integer>> tries = new LinkedHashMap<>();
        tries.put(guessed, List.of(404));
        tries.put(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"), List.of(404));
        tries.put("A".repeat(600), List.of(404));
        tries.put(token + token, List.of(404));
        tries.put("abc$def!ghi*jkl(mno)pqr'stu", List.of(404));
        tries.put(percentEncoded(token), List.of(400));
        tries.put("..%2f..%2fapi%2frequests", List.of(400));
        tries.put("..;/..;/api/requests", List.of(400));
        tries.put("%00" + token, List.of(400));
        for (Map.Entry<String, List<Integer>> attempt : tries.entrySet()) {
            RawHttp.Reply reply = guesser.send("GET", VendorSessions.LANDING + attempt.getKey(), Map.of(), null);
            assertThat(reply.status()).as(attempt.getKey()).isIn(attempt.getValue());
            assertThat(reply.body()).as(attempt.getKey()).doesNotContain("Åbn spørgeskemaet").doesNotContain("name=\"token\"");
            if (reply.status() == 404) {
                assertThat(reply.body()).as("the refusal page does not repeat the link").doesNotContain(attempt.getKey());
            }
            assertThat(reply.header("Set-Cookie")).as("no session for " + attempt.getKey()).isNull();
        }
        RawHttp.Reply unknown = guesser.send("GET", VendorSessions.LANDING + guessed, Map.of(), null);
        assertThat(unknown.body()).contains("Linket virker ikke").contains("The link does not work")
                .as("no invitation to go by: title and footer in both languages")
                .containsPattern("<title>[^<]*Linket virker ikke / The link does not work")
                .contains("kommunens Indkøbsscreening").contains("purchase screening")
                .as("an unknown link names nobody").doesNotContain("@demo.kommune.dk").doesNotContain("write to");

        WebSession browser = new WebSession(port);
        browser.get(VendorSessions.LANDING + token);
        for (String bad : List.of(guessed, "../../api/requests")) {
            HttpResponse<String> exchanged = browser.postForm(VendorSessions.LANDING + token, "/leverandoer/adgang",
                    "token=" + WebSession.encode(bad));
            assertThat(exchanged.statusCode()).as(bad).isEqualTo(404);
            assertThat(browser.get(VendorSessions.QUESTIONNAIRE).statusCode()).as("no session after " + bad).isEqualTo(401);
        }
        assertThat(vendors.state(requestId)).isEqualTo(before);
        assertThat(log.messages()).noneSatisfy(line -> assertThat(line).contains(token));
    }

    @Test
    void expiredRevokedAndClosedLinksAreGoneInBothLanguagesAndChangeNothing() {
        String expiredRequest = api.submit("anna", "Angreb: udløbet link").get("id").asText();
        VendorInvitation expiring = vendors.invite(expiredRequest, VendorLanguage.EN);
        String expired = vendors.token(expiring);
        jdbc.sql("update vendor_invitation set expires_at = now() - interval '1 minute' where id = ?").param(expiring.id()).update();

        String revokedRequest = api.submit("anna", "Angreb: tilbagekaldt link").get("id").asText();
        VendorInvitation revoking = vendors.invite(revokedRequest, VendorLanguage.DA);
        String revoked = vendors.token(revoking);
        invitations.revoke(UUID.fromString(revokedRequest), revoking.id(), "koordinator");

        String closedRequest = api.submit("anna", "Angreb: lukket sag").get("id").asText();
        String closed = vendors.token(vendors.invite(closedRequest, VendorLanguage.DA));
        assertThat(api.post("anna", "/api/requests/" + closedRequest + "/withdraw", Map.of()).status()).isEqualTo(204);

        Map<String, String> tokens = Map.of(expiredRequest, expired, revokedRequest, revoked, closedRequest, closed);
        Map<String, String> titles = Map.of(expiredRequest, "The link has expired", revokedRequest, "The link has been withdrawn",
                closedRequest, "The case is closed");
        tokens.forEach((requestId, token) -> {
            Map<String, Object> before = vendors.state(requestId);
            RawHttp.Reply landing = new RawHttp(port, "127.0.0.41").send("GET", VendorSessions.LANDING + token, Map.of(), null);
            assertThat(landing.status()).as(titles.get(requestId)).isEqualTo(410);
            assertThat(landing.body()).contains(titles.get(requestId)).contains("Intet er ændret.").doesNotContain(token)
                    .doesNotContain("name=\"token\"");
            assertThat(landing.header("Referrer-Policy")).isEqualTo("no-referrer");
            boolean english = requestId.equals(expiredRequest);
            assertThat(landing.body()).as("the invitation's language leads, title and footer too")
                    .contains(english ? "<html lang=\"en\"" : "<html lang=\"da\"")
                    .containsPattern("<title>[^<]*" + (english ? "The link has expired" : requestId.equals(revokedRequest)
                            ? "Linket er trukket tilbage" : "Sagen er afsluttet"))
                    .contains(english ? "purchase screening" : "kommunens Indkøbsscreening")
                    .doesNotContain(english ? "kommunens Indkøbsscreening" : "purchase screening")
                    .as("whom to write to").contains(english ? "write to" : "skriv til").containsPattern("@demo\\.kommune\\.dk\\)");
            assertThat(landing.body().indexOf(english ? "The link has expired" : "Intet er ændret."))
                    .isLessThan(landing.body().indexOf(english ? "Linket er udløbet" : "Nothing has been changed."));
            WebSession browser = new WebSession(port);
            HttpResponse<String> exchanged = exchangeWithAnyCsrf(browser, token);
            assertThat(exchanged.statusCode()).isEqualTo(410);
            assertThat(browser.get(VendorSessions.QUESTIONNAIRE).statusCode()).isEqualTo(401);
            assertThat(vendors.state(requestId)).as(titles.get(requestId)).isEqualTo(before);
        });
    }

    @Test
    void anOpenSessionEndsWhenItsRoundIsRevokedAndTheLinkCannotBeReplayed() {
        String requestId = api.submit("anna", "Angreb: genbrug efter tilbagekaldelse").get("id").asText();
        VendorInvitation invitation = vendors.invite(requestId, VendorLanguage.DA);
        String token = vendors.token(invitation);
        WebSession browser = vendors.open(token);
        String csrf = csrfOf(browser.get(VendorSessions.QUESTIONNAIRE).body());
        invitations.revoke(UUID.fromString(requestId), invitation.id(), "koordinator");
        Map<String, Object> before = vendors.state(requestId);

        HttpResponse<String> save = browser.send("POST", VendorSessions.QUESTIONNAIRE, URLENCODED,
                form("iso27001=YES&handling=gem&_csrf=" + WebSession.encode(csrf)));
        assertThat(save.statusCode()).isEqualTo(410);
        assertThat(save.body()).contains("Linket er trukket tilbage").contains("The link has been withdrawn");
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE).statusCode()).as("the session ended").isEqualTo(401);
        assertThat(new RawHttp(port, "127.0.0.42").send("GET", VendorSessions.LANDING + token, Map.of(), null).status())
                .isEqualTo(410);
        assertThat(exchangeWithAnyCsrf(new WebSession(port), token).statusCode()).isEqualTo(410);
        assertThat(vendors.state(requestId)).isEqualTo(before);
    }

    @Test
    void anOpenSessionEndsWhenItsRoundExpiresOrItsRequestCloses() {
        String expiringRequest = api.submit("anna", "Angreb: session efter udløb").get("id").asText();
        VendorInvitation expiring = vendors.invite(expiringRequest, VendorLanguage.DA);
        WebSession expired = vendors.open(vendors.token(expiring));
        jdbc.sql("update vendor_invitation set expires_at = now() - interval '1 minute' where id = ?").param(expiring.id()).update();
        String closingRequest = api.submit("anna", "Angreb: session efter lukning").get("id").asText();
        WebSession closed = vendors.open(vendors.token(vendors.invite(closingRequest, VendorLanguage.EN)));
        String csrf = csrfOf(closed.get(VendorSessions.QUESTIONNAIRE).body());
        assertThat(api.post("anna", "/api/requests/" + closingRequest + "/withdraw", Map.of()).status()).isEqualTo(204);
        Map<String, Object> expiredBefore = vendors.state(expiringRequest);
        Map<String, Object> closedBefore = vendors.state(closingRequest);

        HttpResponse<String> afterExpiry = expired.get(VendorSessions.QUESTIONNAIRE);
        assertThat(afterExpiry.statusCode()).isEqualTo(410);
        assertThat(afterExpiry.body()).contains("Linket er udløbet").contains("The link has expired");
        HttpResponse<String> afterClosing = closed.send("POST", VendorSessions.QUESTIONNAIRE, URLENCODED,
                form("iso27001=YES&handling=gem&_csrf=" + WebSession.encode(csrf)));
        assertThat(afterClosing.statusCode()).isEqualTo(410);
        assertThat(afterClosing.body()).contains("The case is closed").contains("Sagen er afsluttet");
        assertThat(closed.get(VendorSessions.QUESTIONNAIRE).statusCode()).as("the session ended").isEqualTo(401);
        assertThat(vendors.state(expiringRequest)).isEqualTo(expiredBefore);
        assertThat(vendors.state(closingRequest)).isEqualTo(closedBefore);
    }

    @Test
    void anOpenSessionOfASubmittedRoundEndsWhenItsRequestClosesOrItsLinkExpires() {
        String closingRequest = api.submit("anna", "Angreb: sendt, så lukket").get("id").asText();
        VendorInvitation closing = vendors.invite(closingRequest, VendorLanguage.EN);
        WebSession closingBrowser = vendors.open(vendors.token(closing));
        answers.save(closing.id(), Map.of("iso27001", "YES"));
        answers.submit(closing.id());
        assertThat(closingBrowser.get(VendorSessions.QUESTIONNAIRE).body()).contains("Angreb: sendt, så lukket");
        assertThat(api.post("anna", "/api/requests/" + closingRequest + "/withdraw", Map.of()).status()).isEqualTo(204);
        Map<String, Object> closedBefore = vendors.state(closingRequest);

        HttpResponse<String> closed = closingBrowser.get(VendorSessions.QUESTIONNAIRE);
        assertThat(closed.statusCode()).isEqualTo(410);
        assertThat(closed.body()).contains("The case is closed").doesNotContain("Angreb: sendt, så lukket");
        assertThat(closingBrowser.get(VendorSessions.QUESTIONNAIRE).statusCode()).as("the session ended").isEqualTo(401);
        assertThat(vendors.state(closingRequest)).isEqualTo(closedBefore);

        String expiringRequest = api.submit("anna", "Angreb: sendt, så udløbet").get("id").asText();
        VendorInvitation expiring = vendors.invite(expiringRequest, VendorLanguage.EN);
        WebSession expiringBrowser = vendors.open(vendors.token(expiring));
        answers.save(expiring.id(), Map.of("iso27001", "YES"));
        answers.submit(expiring.id());
        jdbc.sql("update vendor_invitation set expires_at = now() - interval '1 minute' where id = ?").param(expiring.id()).update();
        Map<String, Object> expiredBefore = vendors.state(expiringRequest);

        HttpResponse<String> expired = expiringBrowser.get(VendorSessions.QUESTIONNAIRE);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("The link has expired").doesNotContain("Angreb: sendt, så udløbet");
        assertThat(expiringBrowser.get(VendorSessions.QUESTIONNAIRE).statusCode()).as("the session ended").isEqualTo(401);
        assertThat(vendors.state(expiringRequest)).isEqualTo(expiredBefore);
    }

    @Test
    void aSessionReachesItsOwnRoundOnlyWhateverItSends() {
        String ownRequest = api.submit("anna", "Angreb: egen runde").get("id").asText();
        String otherRequest = api.submit("bent", "Angreb: en andens runde").get("id").asText();
        VendorInvitation own = vendors.invite(ownRequest, VendorLanguage.DA);
        VendorInvitation other = vendors.invite(otherRequest, VendorLanguage.DA);
        String otherToken = vendors.token(other);
        VendorDocument othersFile = answers.addDocument(other.id(), "assuranceReport",
                new Upload("isae3402.pdf", Files.pdf("ISAE 3402").length, new ByteArrayResource(Files.pdf("ISAE 3402"))));
        answers.save(other.id(), Map.of("iso27001", "NO"));
        Map<String, Object> othersBefore = vendors.state(otherRequest);

        WebSession browser = vendors.open(vendors.token(own));
        String page = browser.get(VendorSessions.QUESTIONNAIRE).body();
        assertThat(page).doesNotContain("isae3402.pdf").doesNotContain(otherRequest).doesNotContain("Angreb: en andens runde");
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE + "/dokumenter/" + othersFile.attachmentId() + "/fjern").statusCode())
                .isEqualTo(404);
        String csrf = csrfOf(page);
        assertThat(browser.send("POST", VendorSessions.QUESTIONNAIRE + "/dokumenter/" + othersFile.attachmentId() + "/fjern",
                URLENCODED, form("_csrf=" + WebSession.encode(csrf))).statusCode()).isEqualTo(404);
        assertThat(browser.send("POST", VendorSessions.QUESTIONNAIRE, URLENCODED, form("iso27001=YES&invitationId=" + other.id()
                + "&requestId=" + otherRequest + "&handling=gem&_csrf=" + WebSession.encode(csrf))).statusCode()).isEqualTo(302);
        assertThat(vendors.state(otherRequest)).isEqualTo(othersBefore);

        // The other request's link in this browser ends this session: the new one is the other round's, not both.
        Map<String, Object> ownBefore = vendors.state(ownRequest);
        vendors.exchange(browser, otherToken);
        String now = browser.get(VendorSessions.QUESTIONNAIRE).body();
        assertThat(now).contains("Angreb: en andens runde").doesNotContain("Angreb: egen runde");
        assertThat(vendors.state(ownRequest)).isEqualTo(ownBefore);
    }

    @Test
    void aVendorsSessionReachesNoOtherDoor() {
        String requestId = api.submit("anna", "Angreb: andre døre").get("id").asText();
        WebSession browser = vendors.open(vendors.token(vendors.invite(requestId, VendorLanguage.DA)));
        String csrf = csrfOf(browser.get(VendorSessions.QUESTIONNAIRE).body());
        long requests = jdbc.sql("select count(*) from purchase_request").query(Long.class).single();
        Map<String, Object> before = vendors.state(requestId);
        List<String> doors = List.of("/", "/anmodninger", "/anmodninger/ny", "/anmodninger/alle", "/anmodninger/" + requestId,
                "/opgaver", "/overblik", "/systemer", "/indstillinger", "/admin/mails", "/ingen-adgang",
                "/api/requests", "/api/requests/" + requestId, "/api/tasks", "/api/vendor", "/api/requests/" + requestId + "/vendor",
                "/engine-rest/engine", "/engine-rest/task", "/camunda/app/cockpit/default/", "/camunda/api/engine/engine/default/task",
                "/camunda/api/admin/auth/user/default", "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html",
                "/actuator/info", "/actuator/env", "/actuator/metrics", "/fra-tasklist");
        for (String door : doors) {
            HttpResponse<String> reply = browser.get(door);
            assertThat(reply.statusCode()).as("GET " + door).isIn(401, 403, 404);
            assertThat(reply.body()).as("GET " + door).doesNotContain("Angreb: andre døre");
        }
        for (String door : List.of("/anmodninger", "/anmodninger/" + requestId + "/traek-tilbage", "/systemer/ny", "/indstillinger",
                "/api/requests", "/api/requests/" + requestId + "/withdraw", "/engine-rest/process-definition/key/x/start",
                "/camunda/api/engine/engine/default/task/x/complete", "/anmodninger/" + requestId + "/leverandoer/inviter")) {
            HttpResponse<String> reply = browser.send("POST", door, URLENCODED,
                    form("title=Indsneget&reason=x&_csrf=" + WebSession.encode(csrf)));
            assertThat(reply.statusCode()).as("POST " + door).isIn(401, 403, 404);
        }
        assertThat(jdbc.sql("select count(*) from purchase_request").query(Long.class).single()).isEqualTo(requests);
        assertThat(jdbc.sql("select status from purchase_request where id = ?::uuid").param(requestId).query(String.class).single())
                .isNotEqualTo("WITHDRAWN");
        assertThat(vendors.state(requestId)).isEqualTo(before);
        assertThat(browser.get(VendorSessions.QUESTIONNAIRE).statusCode()).as("still the vendor's own page").isEqualTo(200);

        WebSession staff = new WebSession(port);
        staff.login("anna");
        assertThat(staff.get(VendorSessions.QUESTIONNAIRE).statusCode()).as("staff are no vendor").isEqualTo(403);
    }

    @Test
    void vendorFormsWithoutCsrfAreRefused() {
        String requestId = api.submit("anna", "Angreb: uden CSRF").get("id").asText();
        String token = vendors.token(vendors.invite(requestId, VendorLanguage.DA));
        WebSession browser = vendors.open(token);
        browser.get(VendorSessions.QUESTIONNAIRE);
        Map<String, Object> before = vendors.state(requestId);
        assertThat(browser.send("POST", VendorSessions.QUESTIONNAIRE, URLENCODED, form("iso27001=YES&handling=gem")).statusCode())
                .isEqualTo(403);
        assertThat(browser.send("POST", VendorSessions.QUESTIONNAIRE + "/send", URLENCODED, form("")).statusCode()).isEqualTo(403);
        assertThat(browser.send("POST", VendorSessions.QUESTIONNAIRE + "/dokumenter/" + UUID.randomUUID() + "/fjern", URLENCODED,
                form("")).statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).send("POST", "/leverandoer/adgang", URLENCODED, form("token=" + token)).statusCode())
                .isEqualTo(403);
        assertThat(vendors.state(requestId)).isEqualTo(before);
    }

    @Test
    void markupInAnswersIsShownAsTextAndControlCharactersAreRefused() {
        String requestId = api.submit("anna", "Angreb: markup i svar").get("id").asText();
        WebSession browser = vendors.open(vendors.token(vendors.invite(requestId, VendorLanguage.DA)));
        String markup = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
        HttpResponse<String> saved = browser.postForm(VendorSessions.QUESTIONNAIRE, VendorSessions.QUESTIONNAIRE,
                "subProcessors=" + WebSession.encode(markup) + "&handling=gem");
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = browser.get(VendorSessions.QUESTIONNAIRE).body();
        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        Map<String, Object> before = vendors.state(requestId);
        for (String control : List.of("a\u0000b", "a\u001b[31mrød", "a\u0007b")) {
            HttpResponse<String> refused = browser.postForm(VendorSessions.QUESTIONNAIRE, VendorSessions.QUESTIONNAIRE,
                    "subProcessors=" + WebSession.encode(control) + "&handling=gem");
            assertThat(refused.statusCode()).as(control).isEqualTo(400);
        }
        assertThat(vendors.state(requestId)).isEqualTo(before);

        browser.postForm(VendorSessions.QUESTIONNAIRE, VendorSessions.QUESTIONNAIRE, "subProcessors=" + WebSession.encode(markup)
                + "&handling=send");
        browser.postForm(VendorSessions.QUESTIONNAIRE + "/send", VendorSessions.QUESTIONNAIRE + "/send", "");
        String sent = browser.get(VendorSessions.QUESTIONNAIRE).body();
        assertThat(sent).contains("Dine svar er sendt til kommunen.").doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void hostileFilesAreRefusedAndNothingIsStored() {
        String requestId = api.submit("anna", "Angreb: filer").get("id").asText();
        WebSession browser = vendors.open(vendors.token(vendors.invite(requestId, VendorLanguage.EN)));
        String csrf = csrfOf(browser.get(VendorSessions.QUESTIONNAIRE).body());
        Map<String, Object> before = vendors.state(requestId);
        Map<String, Files.Part> disguised = Map.of("isae3402.pdf", new Files.Part("isae3402.pdf", "application/pdf", Files.exe()));
        Map<String, Files.Part> html = Map.of("report.pdf", new Files.Part("report.pdf", "application/pdf", Files.html()));
        for (Map<String, Files.Part> file : List.of(disguised, html)) {
            HttpResponse<String> refused = upload(browser, csrf, file.values().iterator().next());
            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(refused.body()).contains("error-summary");
        }
        HttpResponse<String> tooLarge = upload(browser, csrf, new Files.Part("huge.pdf", "application/pdf", new byte[26 * 1024 * 1024]));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).as("the vendor's frame, no link into the staff's product").doesNotContain("href=\"/\"");
        assertThat(vendors.state(requestId)).isEqualTo(before);

        HttpResponse<String> pathInName = upload(browser, csrf, new Files.Part("../../etc/isae3402.pdf", "application/pdf",
                Files.pdf("ISAE 3402")));
        assertThat(pathInName.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select name from attachment where request_id = ?::uuid").param(requestId).query(String.class).single())
                .doesNotContain("/").doesNotContain("..").endsWith("isae3402.pdf");
    }

    @Test
    void tooManyRefusedLinksFromOneAddressAreAnswered429AndNotLookedUp() {
        String requestId = api.submit("anna", "Angreb: mange forsøg").get("id").asText();
        String token = vendors.token(vendors.invite(requestId, VendorLanguage.DA));
        Map<String, Object> before = vendors.state(requestId);
        RawHttp guesser = new RawHttp(port, "127.0.0.77");
        for (int i = 0; i < refusedLinksPerAddress; i++) {
            assertThat(guesser.send("GET", VendorSessions.LANDING + randomToken(), Map.of(), null).status()).isEqualTo(404);
        }
        RawHttp.Reply limited = guesser.send("GET", VendorSessions.LANDING + token, Map.of(), null);
        assertThat(limited.status()).as("even a good link, while the address waits").isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 15 * 60);
        assertThat(limited.body()).contains("For mange forsøg").contains("Too many attempts").doesNotContain(token);
        assertThat(new RawHttp(port, "127.0.0.78").send("GET", VendorSessions.LANDING + token, Map.of(), null).status())
                .as("another address").isEqualTo(200);
        assertThat(vendors.state(requestId)).isEqualTo(before);
    }

    @Test
    void exchangesOfOneLinkCountAmongItsWritesSoTheyCannotFloodTheHistory() {
        String requestId = api.submit("anna", "Angreb: mange åbninger").get("id").asText();
        VendorInvitation invitation = vendors.invite(requestId, VendorLanguage.DA);
        String token = vendors.token(invitation);
        WebSession browser = new WebSession(port);
        for (int i = 0; i < writesPerInvitation; i++) {
            assertThat(vendors.exchange(browser, token).statusCode()).as("exchange " + i).isEqualTo(303);
        }
        Map<String, Object> before = vendors.state(requestId);
        HttpResponse<String> limited = vendors.exchange(browser, token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).doesNotContain(token);
        assertThat(vendors.state(requestId)).isEqualTo(before);
    }

    private HttpResponse<String> upload(WebSession browser, String csrf, Files.Part file) {
        Map<String, Files.Part> parts = new LinkedHashMap<>();
        parts.put("_csrf", new Files.Part(null, null, csrf.getBytes(StandardCharsets.UTF_8)));
        parts.put("handling", new Files.Part(null, null, "gem".getBytes(StandardCharsets.UTF_8)));
        parts.put("fil.assuranceReport", file);
        Files.Multipart multipart = Files.multipart(parts);
        return browser.postMultipart(VendorSessions.QUESTIONNAIRE, multipart.contentType(), multipart.body());
    }

    /** A POST of the exchange as from a landing page (another round's, the only page with the exchange's form). */
    private HttpResponse<String> exchangeWithAnyCsrf(WebSession browser, String token) {
        String landingOfAnother = VendorSessions.LANDING + vendors.token(vendors.invite(
                api.submit("anna", "Hjælper: CSRF").get("id").asText(), VendorLanguage.DA));
        return browser.postForm(landingOfAnother, "/leverandoer/adgang", "token=" + token);
    }

    private static String csrfOf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static byte[] form(String fields) {
        return fields.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String percentEncoded(String token) {
        StringBuilder encoded = new StringBuilder();
        for (char c : token.toCharArray()) {
            encoded.append('%').append(String.format("%02X", (int) c));
        }
        return encoded.toString();
    }
}
