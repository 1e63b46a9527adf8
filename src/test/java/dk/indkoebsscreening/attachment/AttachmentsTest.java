package dk.indkoebsscreening.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indkoebsscreening.events.EventSchemas;
import dk.indkoebsscreening.testsupport.ApiClient.RawResponse;
import dk.indkoebsscreening.testsupport.ApiTestBase;
import dk.indkoebsscreening.testsupport.Files;
import dk.indkoebsscreening.testsupport.Files.Multipart;
import dk.indkoebsscreening.testsupport.Lifecycle;
import dk.indkoebsscreening.testsupport.Pdfs;
import dk.indkoebsscreening.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request's files through the JSON API on the real application and PostgreSQL: who may add, read and
 * remove them in which step, what the events say, and every hostile file refused with nothing stored.
 */
class AttachmentsTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AttachmentService attachments;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void filesTravelWithTheRequestFromSubmissionToTheDecision() throws Exception {
        JsonNode submitted = api.submit("anna", "Booking med bilag");
        String requestId = submitted.get("id").asText();
        byte[] offer = Files.pdf("Tilbud fra Eksempel Software");

        RawResponse added = upload("anna", requestId, Files.file("tilbud.pdf", "application/pdf", offer));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode file = JSON.readTree(added.body());
        assertThat(file.get("name").asText()).isEqualTo("tilbud.pdf");
        assertThat(file.get("step").asText()).isEqualTo("SUBMISSION");
        assertThat(file.get("sha256").asText()).isEqualTo(sha256(offer));
        assertThat(file.get("size").asLong()).isEqualTo(offer.length);
        assertThat(added.header("Location")).endsWith("/api/requests/" + requestId + "/attachments/" + file.get("id").asText());

        String path = "/api/requests/" + requestId + "/attachments/" + file.get("id").asText();
        for (String reader : List.of("anna", "sikkerhed", "kontrakt", Lifecycle.COORDINATOR)) {
            HttpResponse<byte[]> download = api.download(reader, path);
            assertThat(download.statusCode()).as(reader).isEqualTo(200);
            assertThat(download.body()).isEqualTo(offer);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").contains("tilbud.pdf");
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        }
        // Another requester learns nothing: not the file, not that the request exists.
        assertThat(api.download("bent", path).statusCode()).isEqualTo(404);
        assertThat(api.download("bent", "/anmodninger/" + requestId + "/bilag/" + file.get("id").asText()).statusCode()).isEqualTo(404);
        assertThat(upload("bent", requestId, Files.file("x.pdf", "application/pdf", Files.pdf("x"))).status()).isEqualTo(404);
        assertThat(api.details("anna", requestId).get("attachments")).hasSize(1);

        String triage = api.awaitTask(Lifecycle.COORDINATOR, requestId, "TRIAGE").get("id").asText();
        api.completeOk(Lifecycle.COORDINATOR, triage, Map.of("outcome", "ACCEPT"));
        // Another area's expert cannot add a file to the security screening, nor anyone without a login.
        String securityTask = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        Multipart intruding = Files.file("x.pdf", "application/pdf", Files.pdf("x"));
        assertThat(api.upload("kontrakt", "/api/requests/" + requestId + "/attachments?taskId=" + securityTask,
                intruding.contentType(), intruding.body()).status()).isEqualTo(403);
        assertThat(api.upload(null, "/api/requests/" + requestId + "/attachments", intruding.contentType(), intruding.body()).status())
                .isEqualTo(401);
        // Screening has begun: the requester has no step to add files in any more.
        assertThat(upload("anna", requestId, Files.file("sent.pdf", "application/pdf", Files.pdf("sent"))).status()).isEqualTo(403);

        byte[] signedDpa = Files.docx();
        RawResponse dpa = upload("sikkerhed", requestId, Files.file("Databehandleraftale underskrevet.docx",
                "application/octet-stream", signedDpa));
        assertThat(dpa.status()).as(dpa.body()).isEqualTo(201);
        JsonNode dpaFile = JSON.readTree(dpa.body());
        assertThat(dpaFile.get("step").asText()).isEqualTo("SCREENING");
        assertThat(dpaFile.get("area").asText()).isEqualTo("SECURITY");
        assertThat(dpaFile.get("mediaType").asText()).isEqualTo(FileTypes.DOCX);
        RawResponse draft = upload("sikkerhed", requestId, Files.file("udkast.txt", "text/plain",
                "Udkast, erstattes".getBytes(StandardCharsets.UTF_8)));
        String draftId = JSON.readTree(draft.body()).get("id").asText();

        // Only the one who added a file removes it.
        String draftPath = "/api/requests/" + requestId + "/attachments/" + draftId;
        for (String other : List.of("kontrakt", Lifecycle.COORDINATOR, "anna")) {
            assertThat(api.raw(other, "DELETE", draftPath, "application/json", null).status()).as(other).isEqualTo(403);
        }
        assertThat(api.download("kontrakt", draftPath).statusCode()).isEqualTo(200);
        assertThat(api.raw("sikkerhed", "DELETE", draftPath, "application/json", null).status()).isEqualTo(204);
        assertThat(api.download("sikkerhed", draftPath).statusCode()).isEqualTo(404);
        JsonNode listed = api.details("anna", requestId).get("attachments");
        assertThat(listed).hasSize(3);
        assertThat(listed.get(2).get("removedBy").asText()).isEqualTo("sikkerhed");
        assertThat(jdbc.sql("select count(*) from attachment_chunk where attachment_id = ?::uuid").param(draftId)
                .query(Long.class).single()).isZero();

        lifecycle.approveAll(requestId);
        lifecycle.decide(requestId, "APPROVED", null);
        assertThat(outbox.typesOf(requestId)).containsSubsequence("attachment.added", "attachment.added", "attachment.added",
                "attachment.removed", "decision.made");
        assertThat(outbox.typesOf(requestId)).containsOnlyOnce("decision.made");
        String made = outbox.payloadOf(requestId, "decision.made");
        JsonNode decision = JSON.readTree(made);
        assertThat(decision.get("attachments")).extracting(node -> node.get("name").asText())
                .containsExactly("tilbud.pdf", "Databehandleraftale underskrevet.docx");
        assertThat(made).doesNotContain("Udkast, erstattes").doesNotContain("JVBERi0");
        EventSchemas schemas = new EventSchemas();
        jdbc.sql("select type, payload::text from outbox_event where request_id = ?::uuid").param(requestId)
                .query((row, n) -> Map.entry(row.getString(1), row.getString(2))).list()
                .forEach(event -> assertThat(schemas.problems(event.getKey(), event.getValue())).as(event.getKey()).isEmpty());

        // Decided: the files no longer change.
        assertThat(upload("sikkerhed", requestId, Files.file("sent.pdf", "application/pdf", Files.pdf("sent"))).status()).isEqualTo(409);
        RawResponse removal = api.raw("anna", "DELETE", path, "application/json", null);
        assertThat(removal.status()).isEqualTo(409);
        assertThat(removal.body()).as("about the request, not a task").contains("Anmodningen er afgjort, så dens filer kan ikke længere ændres.");
    }

    @Test
    void removingAFileIsAskedOnAPageOfItsOwnThatOnlyItsAdderGetsAndThatChangesNothing() throws Exception {
        String requestId = api.submit("anna", "Fil der skal bekræftes fjernet").get("id").asText();
        String fileId = JSON.readTree(upload("anna", requestId, Files.file("forkert tilbud.pdf", "application/pdf",
                Files.pdf("Forkert tilbud"))).body()).get("id").asText();
        String confirmPath = "/anmodninger/" + requestId + "/bilag/" + fileId + "/fjern";
        WebSession anna = new WebSession(port);
        anna.login("anna");

        String details = anna.get("/anmodninger/" + requestId).body();
        assertThat(details).as("the page removes nothing in one click").contains("href=\"" + confirmPath + "\"")
                .doesNotContain("action=\"" + confirmPath + "\"");
        HttpResponse<String> confirmation = anna.get(confirmPath);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("Vil du fjerne filen?", "forkert tilbud.pdf", "kan ikke hentes igen",
                "class=\"button button-danger\"", "Nej, behold filen", "href=\"/anmodninger/" + requestId + "#bilag\"",
                "action=\"" + confirmPath + "\"");
        for (String other : List.of("bent", Lifecycle.COORDINATOR, "sikkerhed")) {
            WebSession session = new WebSession(port);
            session.login(other);
            assertThat(session.get(confirmPath).statusCode()).as(other).isEqualTo(other.equals("bent") ? 404 : 403);
        }
        assertThat(anna.get("/anmodninger/" + requestId + "/bilag/" + UUID.randomUUID() + "/fjern").statusCode())
                .as("a guessed file").isEqualTo(404);
        assertThat(api.details("anna", requestId).get("attachments").get(0).path("removedBy").isTextual())
                .as("asking removed nothing").isFalse();

        assertThat(anna.postForm(confirmPath, confirmPath, "").statusCode()).isEqualTo(302);
        assertThat(api.details("anna", requestId).get("attachments").get(0).get("removedBy").asText()).isEqualTo("anna");
        assertThat(anna.get(confirmPath).statusCode()).as("gone already").isEqualTo(404);
    }

    @Test
    void hostileFilesAreRefusedInDanishAndNothingIsStored() {
        String requestId = api.submit("anna", "Fjendtlige filer").get("id").asText();
        long before = storedRows();
        Map<String, Multipart> refused = Map.of(
                "a program renamed .pdf", Files.file("tilbud.pdf", "application/pdf", Files.exe()),
                "HTML named .png", Files.file("logo.png", "image/png", Files.html()),
                "a ZIP named .docx", Files.file("aftale.docx", FileTypes.DOCX, Files.plainZip()),
                "a Word file with macros", Files.file("aftale.docx", FileTypes.DOCX, Files.docxWithMacros()),
                "a Word file with macros under a name with a trailing space", Files.file("aftale.docx", FileTypes.DOCX,
                        Files.zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>",
                                "word/VBAPROJECT.BIN ", "Attribute VB_Name"))),
                "SVG with script named .png", Files.file("kort.png", "image/png",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)));
        refused.forEach((what, file) -> {
            RawResponse response = upload("anna", requestId, file);
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(415);
            assertThat(response.body()).as(what).contains("kan ikke vedhæftes, fordi dens indhold ikke er en tilladt filtype");
        });
        RawResponse empty = upload("anna", requestId, Files.file("tom.pdf", "application/pdf", new byte[0]));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Filen er tom.");
        RawResponse tooLarge = upload("anna", requestId, Files.file("stor.pdf", "application/pdf", new byte[26 * 1024 * 1024]));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("Filen er for stor: højst 25 MB pr. fil.");
        Multipart withoutFile = Files.multipart(Map.of("other", new Files.Part(null, null, "x".getBytes(StandardCharsets.UTF_8))));
        RawResponse noFile = api.upload("anna", "/api/requests/" + requestId + "/attachments", withoutFile.contentType(),
                withoutFile.body());
        assertThat(noFile.status()).isEqualTo(400);
        // A form on another site can post multipart with the browser's remembered login, but not set a header.
        Multipart crossSite = Files.file("tilbud.pdf", "application/pdf", Files.pdf("fra en anden side"));
        assertThat(api.raw("anna", "POST", "/api/requests/" + requestId + "/attachments", crossSite.contentType(),
                crossSite.body()).status()).isEqualTo(415);
        RawResponse notMultipart = api.raw("anna", "POST", "/api/requests/" + requestId + "/attachments", "application/pdf", Files.pdf("x"));
        assertThat(notMultipart.status()).isBetween(400, 499);

        assertThat(storedRows()).isEqualTo(before);
        assertThat(outbox.typesOf(requestId)).doesNotContain("attachment.added");
    }

    /** A thousand tiny files made the decision event larger than Kafka takes: a request holds at most 50. */
    @Test
    void aRequestHoldsAtMostFiftyFilesAndTheFiftyFirstIsRefusedWithNothingStored() {
        String requestId = api.submit("anna", "Mange små filer").get("id").asText();
        for (int i = 1; i <= 50; i++) {
            RawResponse added = upload("anna", requestId, Files.file("notat-" + i + ".txt", "text/plain",
                    ("Notat " + i).getBytes(StandardCharsets.UTF_8)));
            assertThat(added.status()).as("file " + i + ": " + added.body()).isEqualTo(201);
        }
        long before = storedRows();

        RawResponse fiftyFirst = upload("anna", requestId, Files.file("notat-51.txt", "text/plain",
                "Notat 51".getBytes(StandardCharsets.UTF_8)));

        assertThat(fiftyFirst.status()).isEqualTo(409);
        assertThat(fiftyFirst.body()).contains("en anmodning kan højst have 50 filer");
        assertThat(storedRows()).isEqualTo(before);
        assertThat(outbox.typesOf(requestId).stream().filter("attachment.added"::equals)).hasSize(50);
    }

    /** The form's own fields are parts too: fifty files and the form fit in one request, the fifty-first is refused. */
    @Test
    void theRequestFormTakesFiftyFilesAndRefusesTheFiftyFirstInDanish() {
        WebSession anna = new WebSession(port);
        anna.login("anna");
        long requests = jdbc.sql("select count(*) from purchase_request").query(Long.class).single();

        HttpResponse<String> tooMany = anna.postMultipart("/anmodninger/ny", "multipart/form-data; boundary=GRAENSE",
                requestFormWithFiles(anna, "Enogtreds filer", 51));
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tooMany.body()).contains("en anmodning kan højst have 50 filer");
        assertThat(jdbc.sql("select count(*) from purchase_request").query(Long.class).single()).isEqualTo(requests);

        HttpResponse<String> fifty = anna.postMultipart("/anmodninger/ny", "multipart/form-data; boundary=GRAENSE",
                requestFormWithFiles(anna, "Halvtreds filer", 50));
        assertThat(fifty.statusCode()).as(fifty.body()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from purchase_request").query(Long.class).single()).isEqualTo(requests + 1);
    }

    private static byte[] requestFormWithFiles(WebSession browser, String title, int files) {
        String page = browser.get("/anmodninger/ny").body();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", valueOf(page, "_csrf"));
        fields.put("submissionToken", valueOf(page, "submissionToken"));
        fields.putAll(Map.of("title", title, "systemName", "Filsamler", "vendor", "Eksempel A/S", "need", "Mange bilag.",
                "department", "Borgerservice", "oneOffCostDkk", "0", "annualCostDkk", "0", "contractYears", "1",
                "expectedUsers", "1", "personalDataCategories", "NONE"));
        fields.putAll(Map.of("hosting", "ON_PREMISES", "hasIntegrations", "false",
                "desiredStartDate", java.time.LocalDate.now().plusMonths(1).toString()));
        fields.putAll(Map.of("purchaseFunding", "DEPARTMENT", "operationFunding", "IT", "expectedBenefits[WELL_BEING]", "LOW",
                "expectedBenefits[EFFICIENCY]", "HIGH", "expectedBenefits[CITIZEN_QUALITY]", "MEDIUM",
                "expectedBenefits[INFORMATION_SECURITY]", "LOW", "expectedBenefits[SCALABILITY]", "LOW",
                "benefitsDescription", "Færre papirbilag."));
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--GRAENSE\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (int i = 1; i <= files; i++) {
            body.writeBytes(("--GRAENSE\r\nContent-Disposition: form-data; name=\"files\"; filename=\"notat-" + i
                    + ".txt\"\r\nContent-Type: text/plain\r\n\r\nNotat " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes("--GRAENSE--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String valueOf(String page, String field) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"" + field + "\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as(field + " on the form").isTrue();
        return matcher.group(1);
    }

    @Test
    void aPdfThatRunsAScriptOrStartsAProgramIsRefusedInDanishAndNothingIsStored() {
        String requestId = api.submit("anna", "PDF med handlinger").get("id").asText();
        long before = storedRows();
        Map<String, byte[]> refused = Map.of(
                "JavaScript as the OpenAction", Pdfs.offer(Pdfs.openAction(Pdfs.script())),
                "Launch in a link", Pdfs.offer(Pdfs.linkAction(Pdfs.launch())));
        refused.forEach((what, pdf) -> {
            RawResponse response = upload("anna", requestId, Files.file("tilbud.pdf", "application/pdf", pdf));
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(415);
            assertThat(response.body()).as(what)
                    .contains("PDF-filen »tilbud.pdf« indeholder JavaScript eller handlinger, der starter programmer");
        });
        RawResponse locked = upload("anna", requestId, Files.file("låst.pdf", "application/pdf", Pdfs.passwordProtected()));
        assertThat(locked.status()).isEqualTo(415);
        assertThat(locked.body()).contains("er beskyttet med en adgangskode");
        assertThat(storedRows()).isEqualTo(before);
        assertThat(outbox.typesOf(requestId)).doesNotContain("attachment.added");

        RawResponse clean = upload("anna", requestId, Files.file("tilbud.pdf", "application/pdf", Pdfs.clean()));
        assertThat(clean.status()).as(clean.body()).isEqualTo(201);
        assertThat(outbox.typesOf(requestId)).containsOnlyOnce("attachment.added");
    }

    @Test
    void hostileNamesAreMadeSafeForShowingAndDownloading() throws Exception {
        String requestId = api.submit("bent", "Fjendtlige navne").get("id").asText();
        Map<String, String> expected = Map.of(
                "../../etc/passwd.txt", "passwd.txt",
                "..\\..\\windows\\win.ini.txt", "win.ini.txt",
                "<img src=x onerror=alert(1)>.txt", "_img src=x onerror=alert(1)_.txt",
                "fakturagpj\u202Eexe.txt", "fakturagpjexe.txt",
                "   .hemmelig.txt  ", "hemmelig.txt",
                "Æblegrød og ønsker.txt", "Æblegrød og ønsker.txt",
                "faktura.vbs", "faktura.vbs.txt");
        for (Map.Entry<String, String> name : expected.entrySet()) {
            RawResponse added = upload("bent", requestId, Files.file(name.getKey(), "text/plain", "hej".getBytes(StandardCharsets.UTF_8)));
            assertThat(added.status()).as(name.getKey() + ": " + added.body()).isEqualTo(201);
            JsonNode file = JSON.readTree(added.body());
            assertThat(file.get("name").asText()).as(name.getKey()).isEqualTo(name.getValue());
            HttpResponse<byte[]> download = api.download("bent", "/api/requests/" + requestId + "/attachments/" + file.get("id").asText());
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).as(name.getKey())
                    .doesNotContain("/").doesNotContain("\\\\").doesNotContain("\u0000");
        }
        // A NUL in the part's header: the container cannot read the part at all; refused, nothing stored.
        long before = jdbc.sql("select count(*) from attachment").query(Long.class).single();
        assertThat(upload("bent", requestId, Files.file("rapport\u0000.exe.txt", "text/plain", "hej".getBytes(StandardCharsets.UTF_8)))
                .status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isEqualTo(before);
        String longName = "a".repeat(300) + ".pdf";
        JsonNode longFile = JSON.readTree(upload("bent", requestId, Files.file(longName, "application/pdf", Files.pdf("lang"))).body());
        assertThat(longFile.get("name").asText()).hasSize(200).endsWith(".pdf");
        String page = api.raw("bent", "GET", "/anmodninger/" + requestId, null, null).body();
        assertThat(page).doesNotContain("<img src=x").contains("_img src=x onerror=alert(1)_.txt");
    }

    /**
     * A file system allows 255 characters; in Danish letters (two bytes each) 300 of them passed no container before:
     * Tomcat took 512 bytes of a part's headers and the refusal said "too large".
     */
    @Test
    void aLongFileNameIsCutAndOneLongerThanAnyFileSystemAllowsIsAnsweredAsSuch() throws Exception {
        String requestId = api.submit("bent", "Lange navne").get("id").asText();
        String danish = "æøå".repeat(100) + ".pdf";
        RawResponse added = upload("bent", requestId, Files.file(danish, "application/pdf", Files.pdf("lang")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("name").asText()).hasSize(FileNames.MAX_LENGTH).startsWith("æøå").endsWith(".pdf");

        long before = storedRows();
        RawResponse refused = upload("bent", requestId, Files.file("a".repeat(10_000) + ".pdf", "application/pdf", Files.pdf("x")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Filnavnet er for langt").doesNotContain("for stor");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void twoUploadsAtOnceAreBothStoredWhole() throws Exception {
        String requestId = api.submit("anna", "To på en gang").get("id").asText();
        byte[] first = new byte[3 * 1024 * 1024 + 17];
        byte[] second = new byte[2 * 1024 * 1024 + 5];
        new java.util.Random(1).nextBytes(first);
        new java.util.Random(2).nextBytes(second);
        byte[] firstPdf = Files.pdf("første", first);
        byte[] secondPdf = Files.pdf("anden", second);
        ExecutorService uploaders = Executors.newFixedThreadPool(2);
        try {
            List<Callable<RawResponse>> both = new ArrayList<>();
            both.add(() -> upload("anna", requestId, Files.file("første.pdf", "application/pdf", firstPdf)));
            both.add(() -> upload("anna", requestId, Files.file("anden.pdf", "application/pdf", secondPdf)));
            for (Future<RawResponse> done : uploaders.invokeAll(both)) {
                assertThat(done.get().status()).isEqualTo(201);
            }
        } finally {
            uploaders.shutdownNow();
        }
        JsonNode listed = api.details("anna", requestId).get("attachments");
        assertThat(listed).hasSize(2);
        for (JsonNode file : listed) {
            byte[] content = api.download("anna", "/api/requests/" + requestId + "/attachments/" + file.get("id").asText()).body();
            assertThat(sha256(content)).isEqualTo(file.get("sha256").asText());
            assertThat(content).isEqualTo(file.get("name").asText().equals("første.pdf") ? firstPdf : secondPdf);
        }
    }

    @Test
    void aStepThatRollsBackLeavesNoFile() {
        JsonNode submitted = api.submit("anna", "Rulles tilbage");
        UUID requestId = UUID.fromString(submitted.get("id").asText());
        long before = storedRows();
        transactions.executeWithoutResult(status -> {
            attachments.add(requestId, submitted.get("reference").asText(), AttachmentStep.SUBMISSION, null, "anna",
                    attachments.check(new Upload("tilbud.pdf", 100,
                            new MockMultipartFile("file", "tilbud.pdf", "application/pdf", Files.pdf("x")))));
            assertThat(storedRows()).isEqualTo(before + 2);
            status.setRollbackOnly();
        });
        assertThat(storedRows()).isEqualTo(before);
        assertThat(outbox.typesOf(requestId.toString())).doesNotContain("attachment.added");
    }

    @Test
    void pageUploadsNeedTheFormsTokenAndARefusalSaysWhyInDanish() {
        String requestId = api.submit("anna", "Fra siden").get("id").asText();
        WebSession anna = new WebSession(port);
        anna.login("anna");
        String page = "/anmodninger/" + requestId;
        Multipart pdf = Files.file("tilbud.pdf", "application/pdf", Files.pdf("fra siden"));
        long before = storedRows();

        HttpResponse<String> withoutToken = anna.postMultipart(page + "/bilag", pdf.contentType(), pdf.body());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(storedRows()).isEqualTo(before);

        // The token travels in the form, before the file, as a browser sends it.
        String token = anna.csrfToken(page);
        Multipart program = withToken(token, "tilbud.pdf", Files.exe());
        HttpResponse<String> refused = anna.postMultipart(page + "/bilag", program.contentType(), program.body());
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("Filen er ikke vedhæftet", "Filen »tilbud.pdf« kan ikke vedhæftes", "Intet er gemt");
        // Too large for the container: the form's fields, the token among them, are not read; still 413, in Danish.
        Multipart large = withToken(token, "stor.pdf", new byte[26 * 1024 * 1024]);
        HttpResponse<String> tooLarge = anna.postMultipart(page + "/bilag", large.contentType(), large.body());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("Filen er for stor", "Intet er gemt");
        assertThat(storedRows()).isEqualTo(before);

        Multipart offer = withToken(token, "tilbud.pdf", Files.pdf("fra siden"));
        HttpResponse<String> added = anna.postMultipart(page + "/bilag", offer.contentType(), offer.body());
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(page + "#bilag");
        assertThat(anna.get(page).body()).contains("Filen »tilbud.pdf« er vedhæftet.", "tilbud.pdf");
    }

    @Test
    void aTaskPagesUploadTakesFilesOnlyFromWhoMayWorkOnThatTask() {
        String requestId = lifecycle.submitAndAccept("bent", "Opgavens bilag");
        String securityTask = api.awaitTask("sikkerhed", requestId, "SCREENING").get("id").asText();
        long before = storedRows();
        for (String intruder : List.of("kontrakt", "bent", "anna")) {
            WebSession session = new WebSession(port);
            session.login(intruder);
            String token = session.csrfToken("/anmodninger/ny");
            Multipart file = withToken(token, "indsmuglet.pdf", Files.pdf("indsmuglet"));
            HttpResponse<String> refused = session.postMultipart("/opgaver/" + securityTask + "/bilag", file.contentType(), file.body());
            assertThat(refused.statusCode()).as(intruder).isIn(403, 404);
        }
        assertThat(storedRows()).isEqualTo(before);

        WebSession expert = new WebSession(port);
        expert.login("sikkerhed");
        Multipart file = withToken(expert.csrfToken("/opgaver/" + securityTask), "vurdering.pdf", Files.pdf("vurdering"));
        HttpResponse<String> added = expert.postMultipart("/opgaver/" + securityTask + "/bilag", file.contentType(), file.body());
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(api.details("bent", requestId).get("attachments").get(0).get("area").asText()).isEqualTo("SECURITY");
    }

    private static Multipart withToken(String token, String filename, byte[] content) {
        Map<String, Files.Part> parts = new java.util.LinkedHashMap<>();
        parts.put("_csrf", new Files.Part(null, null, token.getBytes(StandardCharsets.UTF_8)));
        parts.put("file", new Files.Part(filename, "application/pdf", content));
        return Files.multipart(parts);
    }

    private RawResponse upload(String user, String requestId, Multipart file) {
        return api.upload(user, "/api/requests/" + requestId + "/attachments", file.contentType(), file.body());
    }

    /** Metadata rows and content chunks together. */
    private long storedRows() {
        return jdbc.sql("select (select count(*) from attachment) + (select count(*) from attachment_chunk)").query(Long.class).single();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
